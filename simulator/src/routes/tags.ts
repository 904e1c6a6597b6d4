import type { FastifyInstance } from 'fastify'
import type { Api } from '../http/api'
import { envelopeMethod, id, optBool } from '../http/envelope'
import { SimError } from '../model/context'
import { TAGS, TAG_ITEM_TYPES, isTagItemType, isTagName, listTags, tagItem } from '../model/tags'

/** TagItem and GetUserTags: the user's favourites, kept on the operator (the Tags stamp). */
export const registerTags = (app: FastifyInstance, api: Api): void => {
  envelopeMethod(app, api, 'TagItem', 'user', ({ user, body }) => {
    const type = body.ItemType
    if (!isTagItemType(type))
      throw new SimError('invalid', `ItemType must be one of: ${TAG_ITEM_TYPES.join(', ')}`)
    const tag = body.Tag
    if (!isTagName(tag)) throw new SimError('invalid', `Tag must be one of: ${TAGS.join(', ')}`)
    return tagItem(api.sim, user.id, type, id(body, 'ItemID'), tag, optBool(body, 'Remove') ?? false)
  })

  envelopeMethod(app, api, 'GetUserTags', 'user', ({ user }) => listTags(api.sim, user.id))
}
