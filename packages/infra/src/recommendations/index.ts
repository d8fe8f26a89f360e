export * from './recent-views'
export * from './served-lists'
