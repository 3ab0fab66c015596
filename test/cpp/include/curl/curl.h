#pragma once
/* Test stub of libcurl's easy and global API (declarations only). */
#ifdef __cplusplus
extern "C" {
#endif

typedef void CURL;
typedef enum { CURLE_OK = 0, CURLE_FAILED_INIT = 2 } CURLcode;
typedef enum { CURLOPT_URL = 10002, CURLOPT_POSTFIELDS = 10015, CURLOPT_TIMEOUT = 13 } CURLoption;

#define CURL_GLOBAL_SSL (1 << 0)
#define CURL_GLOBAL_WIN32 (1 << 1)
#define CURL_GLOBAL_ALL (CURL_GLOBAL_SSL | CURL_GLOBAL_WIN32)
#define CURL_GLOBAL_DEFAULT CURL_GLOBAL_ALL

CURLcode curl_global_init(long flags);
void curl_global_cleanup(void);

CURL* curl_easy_init(void);
CURLcode curl_easy_setopt(CURL* curl, CURLoption option, ...);
CURLcode curl_easy_perform(CURL* curl);
void curl_easy_reset(CURL* curl);
void curl_easy_cleanup(CURL* curl);

#ifdef __cplusplus
}
#endif
