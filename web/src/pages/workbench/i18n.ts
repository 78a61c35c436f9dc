/** Strings of the workbench's knowledge answers panel (一网通答), registered as `knowledgeAnswers` in web/src/i18n. */
export const knowledgeAnswersI18n = {
  zhCN: {
    title: '知识答案',
    hint: '根据来电内容匹配的知识库答案，可直接用于答复（直接办结）',
    use: '使用此答案',
    useLabel: '使用此答案：{{title}}',
    used: '已填入答复',
    uses: '已用 {{count}} 次',
    validUntil: '有效期至 {{date}}',
    fromArticle: '答复来自知识库：{{title}}',
    matched: '匹配：{{terms}}',
  },
  en: {
    title: 'Knowledge answers',
    hint: 'Answers from the knowledge base that match the call; use one to answer at intake',
    use: 'Use this answer',
    useLabel: 'Use this answer: {{title}}',
    used: 'Filled into the answer',
    uses: 'used {{count}} times',
    validUntil: 'valid until {{date}}',
    fromArticle: 'Answer from the knowledge base: {{title}}',
    matched: 'Matched: {{terms}}',
  },
};
