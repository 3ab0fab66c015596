#pragma once
/* Test stub of hiredis's synchronous API (declarations only). */
#include <stddef.h>
#include <sys/time.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct redisContext {
  int err;
  char errstr[128];
  int fd;
} redisContext;

typedef struct redisReply {
  int type;
  long long integer;
  size_t len;
  char* str;
} redisReply;

typedef struct redisOptions {
  int type;
  int options;
  const struct timeval* connect_timeout;
  const struct timeval* command_timeout;
} redisOptions;

redisContext* redisConnect(const char* ip, int port);
redisContext* redisConnectWithTimeout(const char* ip, int port, const struct timeval tv);
redisContext* redisConnectUnix(const char* path);
redisContext* redisConnectWithOptions(const redisOptions* options);
int redisReconnect(redisContext* c);
void* redisCommand(redisContext* c, const char* format, ...);
void freeReplyObject(void* reply);
void redisFree(redisContext* c);

#ifdef __cplusplus
}
#endif
