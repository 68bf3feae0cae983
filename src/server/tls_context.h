#pragma once

#include <boost/asio/ssl/context.hpp>
#include <memory>
#include <string>

namespace callsession::server {

// The server's TLS identity for HTTPS and WSS: CALLSESSION_TLS_CERT (PEM certificate chain, leaf
// first) and CALLSESSION_TLS_KEY (its PEM private key). TLS 1.2 and newer only. A file that is
// missing, unreadable or not the right PEM, or a key that does not belong to the certificate,
// throws ConfigError naming the variable: a server that starts but cannot complete a handshake
// looks like a network fault to every browser.
std::unique_ptr<boost::asio::ssl::context> loadTlsContext(const std::string& certPath,
                                                          const std::string& keyPath);

}  // namespace callsession::server
