import middy from '@middy/core';
import cors from '@middy/http-cors';
import { auditMiddleware } from './middleware.mjs';
import { base } from './base.mjs';

export const handler = middy(base).use(auditMiddleware()).use(cors());
