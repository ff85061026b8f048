// GENERATED FILE, do not edit. Validator for schemas/copydesk.schema.json,
// written by scripts/gen-config-validator.mjs (Ajv standalone code, options {"allErrors":true,"strict":false}).
// After changing the schema (or upgrading Ajv), regenerate with: npm run gen:validators
// Exports `validate(data)`: true or false, with the errors in `validate.errors`, as ajv.compile() gives.
"use strict";
export const validate = validate10;
export default validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://copydesk.dev/schemas/copydesk.schema.json","title":"Copydesk configuration (.copydesk.yaml / .copydesk.json)","type":"object","additionalProperties":false,"properties":{"$schema":{"type":"string"},"extends":{"type":"string","description":"Path of a parent configuration file whose settings this one starts from (relative to this file)."},"primaryLanguage":{"type":"string","pattern":"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$","description":"The newsroom's original language (BCP-47, e.g. \"id\"). A draft in another language is treated as a translation."},"ledger":{"description":"Corrections ledger file(s), relative to this file. Default: corrections.yaml beside this file, when it exists.","oneOf":[{"type":"string","minLength":1},{"type":"array","items":{"type":"string","minLength":1}}]},"rules":{"type":"object","description":"Per rule: a severity (off, info, warning, error) or an object with severity and options.","propertyNames":{"enum":["translation-disclaimer","unattributed-quote","corrected-claim","front-matter","suppression","draft-input"]},"additionalProperties":{"oneOf":[{"$ref":"#/definitions/severity"},{"type":"object","properties":{"severity":{"$ref":"#/definitions/severity"}}}]},"properties":{"translation-disclaimer":{"oneOf":[{"$ref":"#/definitions/severity"},{"type":"object","additionalProperties":false,"properties":{"severity":{"$ref":"#/definitions/severity"},"exemptReviewed":{"type":"boolean","description":"A machine translation marked reviewed: true needs no disclaimer (EU AI Act Art. 50(4) exempts text under human editorial review). Default false."},"requireForAllTranslations":{"type":"boolean","description":"Also require a disclaimer on human translations (default false: only machine translations)."},"position":{"enum":["end","start"],"description":"Where the quick fix inserts the disclaimer (default end)."}}}]}}},"disclaimers":{"type":"object","description":"Disclaimer templates per language (BCP-47). {language} is replaced by the original language's name in the draft's language.","propertyNames":{"pattern":"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$"},"additionalProperties":{"type":"string","minLength":1}}},"definitions":{"severity":{"enum":["off","info","warning","error"]}}};
const schema12 = {"enum":["off","info","warning","error"]};
const pattern0 = new RegExp("^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$", "u");
const func2 = ajvRuntime_ucs2length;

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://copydesk.dev/schemas/copydesk.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((((key0 === "$schema") || (key0 === "extends")) || (key0 === "primaryLanguage")) || (key0 === "ledger")) || (key0 === "rules")) || (key0 === "disclaimers"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.$schema !== undefined){
if(typeof data.$schema !== "string"){
const err1 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.extends !== undefined){
if(typeof data.extends !== "string"){
const err2 = {instancePath:instancePath+"/extends",schemaPath:"#/properties/extends/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.primaryLanguage !== undefined){
let data2 = data.primaryLanguage;
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
const err3 = {instancePath:instancePath+"/primaryLanguage",schemaPath:"#/properties/primaryLanguage/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$"},message:"must match pattern \""+"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$"+"\""};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/primaryLanguage",schemaPath:"#/properties/primaryLanguage/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.ledger !== undefined){
let data3 = data.ledger;
const _errs9 = errors;
let valid1 = false;
let passing0 = null;
const _errs10 = errors;
if(typeof data3 === "string"){
if(func2(data3) < 1){
const err5 = {instancePath:instancePath+"/ledger",schemaPath:"#/properties/ledger/oneOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/ledger",schemaPath:"#/properties/ledger/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
var _valid0 = _errs10 === errors;
if(_valid0){
valid1 = true;
passing0 = 0;
}
const _errs12 = errors;
if(Array.isArray(data3)){
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
if(typeof data4 === "string"){
if(func2(data4) < 1){
const err7 = {instancePath:instancePath+"/ledger/" + i0,schemaPath:"#/properties/ledger/oneOf/1/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/ledger/" + i0,schemaPath:"#/properties/ledger/oneOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/ledger",schemaPath:"#/properties/ledger/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
var _valid0 = _errs12 === errors;
if(_valid0 && valid1){
valid1 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid1 = true;
passing0 = 1;
}
}
if(!valid1){
const err10 = {instancePath:instancePath+"/ledger",schemaPath:"#/properties/ledger/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
else {
errors = _errs9;
if(vErrors !== null){
if(_errs9){
vErrors.length = _errs9;
}
else {
vErrors = null;
}
}
}
}
if(data.rules !== undefined){
let data5 = data.rules;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
for(const key1 in data5){
const _errs18 = errors;
if(!((((((key1 === "translation-disclaimer") || (key1 === "unattributed-quote")) || (key1 === "corrected-claim")) || (key1 === "front-matter")) || (key1 === "suppression")) || (key1 === "draft-input"))){
const err11 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/propertyNames/enum",keyword:"enum",params:{allowedValues: schema11.properties.rules.propertyNames.enum},message:"must be equal to one of the allowed values",propertyName:key1};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var valid4 = _errs18 === errors;
if(!valid4){
const err12 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
for(const key2 in data5){
if(!(key2 === "translation-disclaimer")){
let data6 = data5[key2];
const _errs21 = errors;
let valid6 = false;
let passing1 = null;
const _errs22 = errors;
if(!((((data6 === "off") || (data6 === "info")) || (data6 === "warning")) || (data6 === "error"))){
const err13 = {instancePath:instancePath+"/rules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/severity/enum",keyword:"enum",params:{allowedValues: schema12.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
var _valid1 = _errs22 === errors;
if(_valid1){
valid6 = true;
passing1 = 0;
}
const _errs24 = errors;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.severity !== undefined){
let data7 = data6.severity;
if(!((((data7 === "off") || (data7 === "info")) || (data7 === "warning")) || (data7 === "error"))){
const err14 = {instancePath:instancePath+"/rules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/severity",schemaPath:"#/definitions/severity/enum",keyword:"enum",params:{allowedValues: schema12.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/rules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/rules/additionalProperties/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
var _valid1 = _errs24 === errors;
if(_valid1 && valid6){
valid6 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid6 = true;
passing1 = 1;
}
}
if(!valid6){
const err16 = {instancePath:instancePath+"/rules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/rules/additionalProperties/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
else {
errors = _errs21;
if(vErrors !== null){
if(_errs21){
vErrors.length = _errs21;
}
else {
vErrors = null;
}
}
}
}
}
if(data5["translation-disclaimer"] !== undefined){
let data8 = data5["translation-disclaimer"];
const _errs29 = errors;
let valid11 = false;
let passing2 = null;
const _errs30 = errors;
if(!((((data8 === "off") || (data8 === "info")) || (data8 === "warning")) || (data8 === "error"))){
const err17 = {instancePath:instancePath+"/rules/translation-disclaimer",schemaPath:"#/definitions/severity/enum",keyword:"enum",params:{allowedValues: schema12.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid2 = _errs30 === errors;
if(_valid2){
valid11 = true;
passing2 = 0;
}
const _errs32 = errors;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
for(const key3 in data8){
if(!((((key3 === "severity") || (key3 === "exemptReviewed")) || (key3 === "requireForAllTranslations")) || (key3 === "position"))){
const err18 = {instancePath:instancePath+"/rules/translation-disclaimer",schemaPath:"#/properties/rules/properties/translation-disclaimer/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data8.severity !== undefined){
let data9 = data8.severity;
if(!((((data9 === "off") || (data9 === "info")) || (data9 === "warning")) || (data9 === "error"))){
const err19 = {instancePath:instancePath+"/rules/translation-disclaimer/severity",schemaPath:"#/definitions/severity/enum",keyword:"enum",params:{allowedValues: schema12.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data8.exemptReviewed !== undefined){
if(typeof data8.exemptReviewed !== "boolean"){
const err20 = {instancePath:instancePath+"/rules/translation-disclaimer/exemptReviewed",schemaPath:"#/properties/rules/properties/translation-disclaimer/oneOf/1/properties/exemptReviewed/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data8.requireForAllTranslations !== undefined){
if(typeof data8.requireForAllTranslations !== "boolean"){
const err21 = {instancePath:instancePath+"/rules/translation-disclaimer/requireForAllTranslations",schemaPath:"#/properties/rules/properties/translation-disclaimer/oneOf/1/properties/requireForAllTranslations/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data8.position !== undefined){
let data12 = data8.position;
if(!((data12 === "end") || (data12 === "start"))){
const err22 = {instancePath:instancePath+"/rules/translation-disclaimer/position",schemaPath:"#/properties/rules/properties/translation-disclaimer/oneOf/1/properties/position/enum",keyword:"enum",params:{allowedValues: schema11.properties.rules.properties["translation-disclaimer"].oneOf[1].properties.position.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath:instancePath+"/rules/translation-disclaimer",schemaPath:"#/properties/rules/properties/translation-disclaimer/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
var _valid2 = _errs32 === errors;
if(_valid2 && valid11){
valid11 = false;
passing2 = [passing2, 1];
}
else {
if(_valid2){
valid11 = true;
passing2 = 1;
}
}
if(!valid11){
const err24 = {instancePath:instancePath+"/rules/translation-disclaimer",schemaPath:"#/properties/rules/properties/translation-disclaimer/oneOf",keyword:"oneOf",params:{passingSchemas: passing2},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
else {
errors = _errs29;
if(vErrors !== null){
if(_errs29){
vErrors.length = _errs29;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err25 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.disclaimers !== undefined){
let data13 = data.disclaimers;
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
for(const key4 in data13){
const _errs44 = errors;
if(typeof key4 === "string"){
if(!pattern0.test(key4)){
const err26 = {instancePath:instancePath+"/disclaimers",schemaPath:"#/properties/disclaimers/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$"},message:"must match pattern \""+"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$"+"\"",propertyName:key4};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
var valid15 = _errs44 === errors;
if(!valid15){
const err27 = {instancePath:instancePath+"/disclaimers",schemaPath:"#/properties/disclaimers/propertyNames",keyword:"propertyNames",params:{propertyName: key4},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
for(const key5 in data13){
let data14 = data13[key5];
if(typeof data14 === "string"){
if(func2(data14) < 1){
const err28 = {instancePath:instancePath+"/disclaimers/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/disclaimers/additionalProperties/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/disclaimers/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/disclaimers/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
else {
const err30 = {instancePath:instancePath+"/disclaimers",schemaPath:"#/properties/disclaimers/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}


// Inlined from ajv/dist/runtime.
function ajvRuntime_ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
}
