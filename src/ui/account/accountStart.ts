/** Where the account page opens: a tab, and whether the focus is on the tabs or in the section. */
export interface AccountStart<S extends string> {
  section: S
  zone: 'tabs' | 'body'
}

/**
 * #account opens at the first tab; #account/<section> inside that section (the app comes back
 * there after restarting in a new language). A section the page does not have is ignored.
 */
export const accountStartOf = <S extends string>(
  params: Record<string, unknown>,
  sections: readonly S[],
): AccountStart<S> => {
  const wanted = sections.find((s) => s === params.section)
  if (wanted !== undefined) return { section: wanted, zone: 'body' }
  const first = sections[0]
  if (first === undefined) throw new Error('the account page has no sections')
  return { section: first, zone: 'tabs' }
}
