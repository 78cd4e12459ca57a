import { describe, expect, it } from 'vitest';
import { Recommendation, OtherSuggestion } from '../../shared/recommendation';
import { mapSuggestions } from './suggestion-mapping';

/** Fixtures shaped exactly like the SDK's `Suggestion` model, one per type. */
const conversation = { id: 'conv-1', selfUri: '/api/v2/conversations/conv-1' };
const base = (id: string, type: string) => ({
  id,
  conversation,
  assistant: { id: 'assistant-1', selfUri: '/api/v2/assistants/assistant-1' },
  type,
  dateCreated: '2025-03-20T11:59:00.000Z',
  triggerType: 'Fallback',
  state: 'Suggested',
  context: { mediaType: 'Message', participantType: 'Customer', queryStatement: 'charged twice', message: { id: 'm-1' } },
  selfUri: `/api/v2/conversations/conv-1/suggestions/${id}`,
});

const fixtures = {
  knowledgeSearch: {
    ...base('s-search', 'KnowledgeSearch'),
    knowledgeSearch: {
      title: 'Refund a duplicate charge',
      snippets: ['Check the payment history.', 'Both settled: raise a refund.'],
      confidence: 0.91,
      searchId: 'search-1',
      document: { id: 'doc-1', selfUri: '/api/v2/knowledge/knowledgebases/kb-billing/documents/doc-1' },
      version: { id: 'v-3' },
      knowledgeAnswer: { answer: 'Raise a duplicate-payment refund.', startIndex: 0, endIndex: 31 },
      variations: [{ id: 'var-1' }],
    },
  },
  knowledgeArticle: {
    ...base('s-article', 'KnowledgeArticle'),
    triggerType: 'Intent',
    knowledgeArticle: {
      title: 'Refund timelines',
      snippets: ['Card refunds take 3–5 working days.'],
      document: { id: 'doc-2', selfUri: '/api/v2/knowledge/knowledgebases/kb-billing/documents/doc-2' },
      version: { id: 'v-1' },
    },
  },
  faq: {
    ...base('s-faq', 'Faq'),
    faq: { question: 'How long does a refund take?', answer: '3 to 5 working days.', sourceUri: 'faq-src-1', documentUrl: 'https://help.example.com/faq/1', documentDisplayName: 'Billing FAQ', confidence: 0.84 },
  },
  article: {
    ...base('s-legacy', 'Article'),
    article: { title: 'Payments overview', uri: 'https://kb.example.com/articles/9', snippets: ['How payments settle.'], confidence: 0.7, metadata: {} },
  },
  cannedResponse: {
    ...base('s-canned', 'CannedResponse'),
    triggerType: 'Intent',
    cannedResponse: { response: { id: 'resp-1', selfUri: '/api/v2/responsemanagement/responses/resp-1' }, library: { id: 'lib-1' } },
  },
  script: {
    ...base('s-script', 'Script'),
    triggerType: 'Intent',
    script: { script: { id: 'script-1' }, page: { id: 'page-refund' }, data: { amount: '42.50', reference: 'RF-1' } },
  },
  thirdParty: {
    ...base('s-third', 'ThirdPartySuggestion'),
    thirdPartySuggestion: { title: 'Offer a goodwill credit', text: 'Customers charged twice may get £5 credit.', sources: [{ name: 'Policy', url: 'https://policy.example.com/credit' }] },
  },
  suggestedAnswer: { ...base('s-answer', 'SuggestedKnowledgeAnswer') },
};

describe('mapSuggestions', () => {
  it('maps every knowledge type to a recommendation with score, source, kind, trigger and the customer line it answers, and an unknown date', () => {
    const { items, others, invalidCount } = mapSuggestions([fixtures.knowledgeSearch, fixtures.knowledgeArticle, fixtures.faq, fixtures.article]);
    expect(invalidCount).toBe(0);
    expect(others).toEqual([]);
    expect(items).toEqual([
      {
        id: 's-search',
        title: 'Refund a duplicate charge',
        content: 'Raise a duplicate-payment refund.\n\nCheck the payment history.\n\nBoth settled: raise a refund.',
        relevanceScore: 0.91,
        publishedDate: null,
        sourceId: 'kb-billing',
        kind: 'KnowledgeSearch',
        trigger: 'Fallback',
        customerLine: 'charged twice',
      },
      {
        id: 's-article',
        title: 'Refund timelines',
        content: 'Card refunds take 3–5 working days.',
        relevanceScore: 0,
        ruleTriggered: true,
        publishedDate: null,
        sourceId: 'kb-billing',
        kind: 'KnowledgeArticle',
        trigger: 'Intent',
        customerLine: 'charged twice',
      },
      {
        id: 's-faq',
        title: 'How long does a refund take?',
        content: '3 to 5 working days.',
        relevanceScore: 0.84,
        publishedDate: null,
        sourceId: 'faq-src-1',
        sourceName: 'Billing FAQ',
        url: 'https://help.example.com/faq/1',
        kind: 'Faq',
        trigger: 'Fallback',
        customerLine: 'charged twice',
      },
      {
        id: 's-legacy',
        title: 'Payments overview',
        content: 'How payments settle.',
        relevanceScore: 0.7,
        publishedDate: null,
        sourceId: 'kb.example.com',
        url: 'https://kb.example.com/articles/9',
        kind: 'Article',
        trigger: 'Fallback',
        customerLine: 'charged twice',
      },
    ]);
    for (const item of items) expect(Recommendation.safeParse(item).success).toBe(true);
  });

  it('puts canned responses, scripts, third-party and unknown types in the other group', () => {
    const { items, others, invalidCount } = mapSuggestions([fixtures.cannedResponse, fixtures.script, fixtures.thirdParty, fixtures.suggestedAnswer]);
    expect(items).toEqual([]);
    expect(invalidCount).toBe(0);
    expect(others).toEqual([
      { id: 's-canned', kind: 'CannedResponse', title: 'resp-1', detail: 'resp-1 (lib-1)', trigger: 'Intent', responseId: 'resp-1' },
      { id: 's-script', kind: 'Script', title: 'script-1 › page-refund', detail: 'amount: 42.50\nreference: RF-1', trigger: 'Intent' },
      {
        id: 's-third',
        kind: 'ThirdPartySuggestion',
        title: 'Offer a goodwill credit',
        detail: 'Customers charged twice may get £5 credit.',
        trigger: 'Fallback',
        url: 'https://policy.example.com/credit',
      },
      { id: 's-answer', kind: 'SuggestedKnowledgeAnswer', title: 'SuggestedKnowledgeAnswer', detail: '', trigger: 'Fallback' },
    ]);
    for (const entry of others) expect(OtherSuggestion.safeParse(entry).success).toBe(true);
  });

  it('drops dismissed and failed suggestions without counting them as invalid', () => {
    const result = mapSuggestions([
      { ...fixtures.knowledgeSearch, state: 'Dismissed' },
      { ...fixtures.faq, state: 'Failed' },
      { ...fixtures.knowledgeArticle, state: 'Accepted' },
      { ...fixtures.cannedResponse, state: 'Rated' },
    ]);
    expect(result.items.map((item) => item.id)).toEqual(['s-article']);
    expect(result.others.map((item) => item.id)).toEqual(['s-canned']);
    expect(result.invalidCount).toBe(0);
  });

  it('counts invalid items and keeps the valid ones in order', () => {
    const result = mapSuggestions([
      null,
      'text',
      { ...fixtures.knowledgeSearch, id: '' },
      { ...fixtures.knowledgeSearch, id: 's-2', knowledgeSearch: { ...fixtures.knowledgeSearch.knowledgeSearch, confidence: 1.4 } },
      { ...fixtures.knowledgeSearch, id: 's-3', knowledgeSearch: { ...fixtures.knowledgeSearch.knowledgeSearch, title: '  ' } },
      { ...fixtures.faq, id: 's-4', faq: { answer: 'no question' } },
      { ...fixtures.cannedResponse, id: 's-5', cannedResponse: { library: { id: 'lib' } } },
      { ...fixtures.knowledgeSearch, id: 's-6', knowledgeSearch: { ...fixtures.knowledgeSearch.knowledgeSearch, confidence: 'high' } },
      fixtures.faq,
    ]);
    expect(result.items.map((item) => item.id)).toEqual(['s-faq']);
    expect(result.invalidCount).toBe(8);
  });

  it('uses the payload present when the type names none, and the document when no knowledge base is named', () => {
    const { items } = mapSuggestions([
      { id: 'bare', knowledgeSearch: { title: 'T', confidence: 0.5, document: { id: 'doc-9' } } },
      { id: 'none', knowledgeSearch: { title: 'T', confidence: 0.5 } },
    ]);
    expect(items.map((item) => [item.id, item.sourceId, item.kind])).toEqual([
      ['bare', 'doc-9', undefined],
      ['none', 'knowledge', undefined],
    ]);
  });

  it('does not repeat a highlighted answer that a snippet already holds', () => {
    const { items } = mapSuggestions([
      { id: 'x', knowledgeSearch: { title: 'T', confidence: 0.9, snippets: ['Check first. Then refund.'], knowledgeAnswer: { answer: 'Check first.', startIndex: 0, endIndex: 12 } } },
    ]);
    expect(items[0]!.content).toBe('Check first. Then refund.');
  });

  it('bounds long titles and content instead of rejecting them', () => {
    const long = 'x'.repeat(30_000);
    const { items } = mapSuggestions([{ ...fixtures.knowledgeSearch, knowledgeSearch: { title: long, snippets: [long], confidence: 0.9 } }]);
    expect(items[0]!.title.length).toBe(500);
    expect(items[0]!.content.length).toBe(20_000);
    expect(Recommendation.safeParse(items[0]).success).toBe(true);
  });
});
