/* incidentkit plugin ABI: the only header a plugin sees.
 *
 * Rules (append-only; see README "Writing a plugin"):
 *  - Plain C: UTF-8 strings, JSON text, plain structs. No C++ types cross the boundary.
 *  - Every struct starts with struct_size. A reader zero-fills its own copy and copies
 *    min(struct_size, sizeof) bytes, so old plugins keep working when structs grow. The host refuses
 *    structs larger than its own (they come from a newer ABI it does not know).
 *  - Version: a plugin's major must equal the host's, its minor must be <= the host's.
 *  - Errors never unwind across the boundary: a callback returns non-zero and reports the reason
 *    through host->set_error().
 *  - Entry point: a library file  libNAME.so / NAME.so  exports  `NAME_init`  (or the generic
 *    `ik_plugin_init`). Both have the type ik_plugin_init_fn.
 */
#ifndef INCIDENTKIT_PLUGIN_ABI_H
#define INCIDENTKIT_PLUGIN_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define IK_ABI_MAJOR 1
#define IK_ABI_MINOR 0

#if defined(_WIN32)
#define IK_EXPORT __declspec(dllexport)
#else
#define IK_EXPORT __attribute__((visibility("default")))
#endif

/* Error codes a plugin may pass to set_error / return from callbacks. */
enum ik_status {
  IK_OK = 0,
  IK_ERR_GENERIC = 1,
  IK_ERR_CONFIG = 2,     /* bad configuration passed to create() */
  IK_ERR_INPUT = 3,      /* the document cannot be processed */
  IK_ERR_INTERNAL = 4,   /* a bug or an exception caught by the SDK */
  IK_ERR_RESOURCE = 5    /* a data file is missing or unreadable */
};

enum ik_log_level { IK_LOG_DEBUG = 1, IK_LOG_INFO = 2, IK_LOG_WARN = 3, IK_LOG_ERROR = 4 };

/* Opaque per-call context: identifies the extractor and (during process) the document. */
typedef struct ik_call ik_call;

/* A read-only view of the document being processed. Strings are NUL-terminated UTF-8;
 * optional ones are NULL when unknown. */
typedef struct ik_document {
  uint32_t struct_size;
  uint32_t reserved;
  const char* id;
  const char* text;        /* the full text, UTF-8, NUL-terminated; text_len bytes */
  uint64_t text_len;
  const char* title;
  const char* source;      /* file name or origin */
  const char* url;
  const char* published;   /* "YYYY-MM-DD" from metadata or an earlier extractor, else NULL */
  const char* meta_json;   /* remaining metadata as a JSON object, or NULL */
} ik_document;

/* An annotation: a labelled span with a normalised value. Offsets are UTF-8 byte offsets into
 * ik_document.text, end exclusive. Unused numbers are NaN; unused strings NULL. */
typedef struct ik_mention {
  uint32_t struct_size;
  uint32_t reserved;
  uint64_t start;
  uint64_t end;
  const char* label;       /* required: "date", "place", "casualty", ... (see plugins/LABELS.md) */
  const char* value;       /* normalised primary value ("2020-01-29", "killed", "air_strike") */
  double number;           /* best numeric value */
  double low;              /* lower bound */
  double high;             /* upper bound */
  const char* attrs_json;  /* further attributes as a JSON object, or NULL */
  double confidence;       /* 0..1 */
  const char* extractor;   /* filled in by the host when reading ("dates.v1"); ignored when adding */
} ik_mention;

/* Services the host offers to plugins. All function pointers are non-NULL. The entry point gets no
 * ik_call: there it passes NULL as `call` to set_error and log. */
typedef struct ik_host {
  uint32_t struct_size;
  uint32_t abi_major;
  uint32_t abi_minor;
  uint32_t reserved;
  /* Records why the current call fails; the call then returns non-zero. */
  void (*set_error)(ik_call* call, int code, const char* message);
  void (*log)(ik_call* call, int level, const char* message);
  /* Adds a mention to the current document. Returns IK_OK or an error (bad offsets, unknown struct). */
  int (*add_mention)(ik_call* call, const ik_mention* mention);
  /* Reads the document's mentions added so far (by earlier extractors and by this one). The strings
   * stay valid until the current process() call returns. */
  uint64_t (*mention_count)(ik_call* call);
  int (*get_mention)(ik_call* call, uint64_t index, ik_mention* out);
  /* Sets the document's publication date ("YYYY-MM-DD") when metadata lacked it. */
  int (*set_published)(ik_call* call, const char* iso_date);
} ik_host;

/* One extractor. The registered name is "<name>.<version>", e.g. "dates.v1". */
typedef struct ik_extractor {
  uint32_t struct_size;
  uint32_t reserved;
  const char* name;
  const char* version;
  /* space-separated labels this extractor reads (not called `requires`: a C++20 keyword) */
  const char* requires_labels;
  const char* assigns;         /* space-separated labels this extractor writes */
  const char* default_config;  /* JSON object text, or NULL */
  /* Builds the extractor's state from a JSON config (defaults merged in by the host). NULL on error. */
  void* (*create)(const ik_host* host, ik_call* call, const char* config_json);
  void (*destroy)(void* state);
  /* Annotates one document. Must be safe to call from several threads at once on the same state.
   * Returns IK_OK or an error code (after set_error). */
  int (*process)(void* state, const ik_host* host, ik_call* call, const ik_document* doc);
} ik_extractor;

/* What a plugin's entry point fills in. The host sets struct_size before the call. */
typedef struct ik_plugin {
  uint32_t struct_size;
  uint32_t abi_major;
  uint32_t abi_minor;
  uint32_t extractor_count;
  const char* name;
  const char* version;
  const ik_extractor* const* extractors;  /* extractor_count pointers, valid while the library is loaded */
} ik_plugin;

/* The entry point. Returns IK_OK after filling *out. */
typedef int (*ik_plugin_init_fn)(const ik_host* host, ik_plugin* out);

#ifdef __cplusplus
}
#endif

#endif /* INCIDENTKIT_PLUGIN_ABI_H */
