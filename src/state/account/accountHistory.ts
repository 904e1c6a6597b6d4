import type { Api } from '../../api'
import type { AccountChange } from '../../domain/accountChanges'
import { createPagedList, type PagedList } from './pagedList'

export type AccountHistory = PagedList<AccountChange>

/** The account's change history (document 004), newest first, read page by page. */
export const createAccountHistory = (
  api: Api,
  authorised: <T>(call: () => Promise<T>) => Promise<T>,
  pageSize = 20,
): AccountHistory =>
  createPagedList<AccountChange>({
    pageSize,
    fetchPage: async (offset, count, signal) => {
      const page = await authorised(() => api.account.findAccountChanges({ offset, count }, { signal }))
      return { items: page.items, total: page.countAll, consumed: page.count }
    },
  })
