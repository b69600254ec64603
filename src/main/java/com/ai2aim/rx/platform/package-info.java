/**
 * The platform every module stands on: the response envelope and error codes, request ids, the current actor and
 * its row-level-security session, paging, idempotent creates, optimistic concurrency and rate limits.
 * It is an open module: its types are meant to be used everywhere, and it depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.ai2aim.rx.platform;
