#pragma once
/* Test stub of hiredis's asynchronous API (declarations only). */
#include "hiredis.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct redisAsyncContext {
  redisContext c;
  int err;
} redisAsyncContext;

typedef void(redisCallbackFn)(struct redisAsyncContext*, void*, void*);

redisAsyncContext* redisAsyncConnect(const char* ip, int port);
redisAsyncContext* redisAsyncConnectUnix(const char* path);
redisAsyncContext* redisAsyncConnectWithOptions(const redisOptions* options);
int redisAsyncCommand(redisAsyncContext* ac, redisCallbackFn* fn, void* privdata, const char* format, ...);
void redisAsyncDisconnect(redisAsyncContext* ac);
void redisAsyncFree(redisAsyncContext* ac);

#ifdef __cplusplus
}
#endif
