// Where the user is inside a section, kept while moving between sections.
export const navigation: { openCaseId: number | null } = $state({ openCaseId: null });
