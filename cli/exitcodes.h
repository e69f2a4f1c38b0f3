#pragma once

// xms exit codes (documented in README and `xms --help`).
namespace xms::cli::exit {
constexpr int Ok = 0;
constexpr int Failed = 1; // the operation failed; the message says why and what to do
constexpr int Usage = 2; // bad flags or arguments; nothing was changed
constexpr int NotFound = 3; // unknown source, cloud, VM, job, profile …
constexpr int Auth = 4; // wrong credentials, or a TLS certificate that is not trusted or pinned
constexpr int JobFailed = 5; // --wait: the job ended Failed or Cancelled
} // namespace xms::cli::exit
