import { Lightning } from '@lightningjs/sdk'

/** Marks a component as a Router page, so that it gets `params`, `widgets` and the page hooks. */
export interface PageTypeConfig extends Lightning.Component.TypeConfig {
  IsPage: true
}
