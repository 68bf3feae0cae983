#include "tls_context.h"

#include "config.h"

namespace callsession::server {

std::unique_ptr<boost::asio::ssl::context> loadTlsContext(const std::string& certPath,
                                                          const std::string& keyPath) {
  namespace ssl = boost::asio::ssl;
  auto tls = std::make_unique<ssl::context>(ssl::context::tls_server);
  tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                   ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
  boost::system::error_code error;
  tls->use_certificate_chain_file(certPath, error);
  if (error) {
    throw ConfigError("CALLSESSION_TLS_CERT: no PEM certificate could be read from " + certPath +
                      " (" + error.message() + ")");
  }
  tls->use_private_key_file(keyPath, ssl::context::pem, error);
  if (error) {
    throw ConfigError("CALLSESSION_TLS_KEY: " + keyPath +
                      " holds no PEM private key of the certificate (" + error.message() + ")");
  }
  return tls;
}

}  // namespace callsession::server
