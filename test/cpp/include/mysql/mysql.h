#pragma once
/* Test stub of the MySQL C API (declarations only). */
#ifdef __cplusplus
extern "C" {
#endif

typedef struct MYSQL MYSQL;

MYSQL* mysql_init(MYSQL* mysql);
MYSQL* mysql_real_connect(MYSQL* mysql, const char* host, const char* user, const char* passwd,
                          const char* db, unsigned int port, const char* unix_socket,
                          unsigned long clientflag);
int mysql_query(MYSQL* mysql, const char* stmt_str);
void mysql_close(MYSQL* sock);

#ifdef __cplusplus
}
#endif
