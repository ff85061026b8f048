import type { Connection, SemanticTokens, SemanticTokensOptions } from 'vscode-languageserver';
import { encodeTokens, semanticTokens, tokensInRange, TOKEN_LEGEND } from '../../core/annotations/index.js';
import type { FeatureContext } from './index.js';
import { annotated, tooLarge } from './shared.js';

/** Quotations, speakers, cues, corrected claims and the disclaimer, one token per line piece. */
export function registerSemanticTokens(connection: Connection, context: FeatureContext): { semanticTokensProvider: SemanticTokensOptions } {
  const tokensOf = async (uri: string) => {
    const a = await annotated(context, uri);
    return a && a.settings.semanticTokens && !tooLarge(a) ? semanticTokens(a.model) : [];
  };
  connection.languages.semanticTokens.on(async (params): Promise<SemanticTokens> => ({ data: encodeTokens(await tokensOf(params.textDocument.uri)) }));
  connection.languages.semanticTokens.onRange(async (params): Promise<SemanticTokens> => ({
    data: encodeTokens(tokensInRange(await tokensOf(params.textDocument.uri), params.range)),
  }));
  return { semanticTokensProvider: { legend: TOKEN_LEGEND, full: true, range: true } };
}
