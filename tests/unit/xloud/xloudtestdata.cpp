#include "xloudtestdata.h"

#include <QJsonDocument>

using xms::xloud::Service;

// A catalog as Keystone returns it for the lab project (public, internal and admin rows), plus a
// second region for Compute.
QJsonArray labCatalog()
{
    const char* json = R"([
      {"type": "identity", "name": "keystone", "endpoints": [
        {"interface": "public", "region_id": "RegionOne", "region": "RegionOne", "url": "http://127.0.0.1:5000/v3/"}]},
      {"type": "image", "name": "glance", "endpoints": [
        {"interface": "public", "region_id": "RegionOne", "url": "http://127.0.0.1:9292"},
        {"interface": "internal", "region_id": "RegionOne", "url": "http://glance.internal:9292"}]},
      {"type": "block-storage", "name": "cinder", "endpoints": [
        {"interface": "public", "region_id": "RegionOne", "url": "http://127.0.0.1:8776/v3/p1"}]},
      {"type": "network", "name": "neutron", "endpoints": [
        {"interface": "public", "region_id": "RegionOne", "url": "http://127.0.0.1:9696/"}]},
      {"type": "compute", "name": "nova", "endpoints": [
        {"interface": "public", "region_id": "RegionOne", "url": "http://127.0.0.1:8774/v2.1"},
        {"interface": "public", "region_id": "RegionTwo", "url": "http://nova.two:8774/v2.1"}]}
    ])";
    return QJsonDocument::fromJson(json).array();
}

QJsonArray bothCinderTypes()
{
    return QJsonDocument::fromJson(R"([
      {"type": "block-storage", "endpoints": [{"interface": "public", "region_id": "R", "url": "http://bs/"}]},
      {"type": "volumev3", "endpoints": [{"interface": "public", "region_id": "R", "url": "http://v3/v3/p"}]}])")
        .array();
}

QJsonArray imageOnly()
{
    return QJsonDocument::fromJson(
               R"([{"type": "image", "endpoints": [{"interface": "public", "region_id": "R", "url": "http://g"}]}])")
        .array();
}

const QList<ErrorBodyCase>& errorBodyCases()
{
    static const QList<ErrorBodyCase> cases = {
        {"keystone 401", Service::Identity, 401,
         R"({"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}})",
         "xloud.unauthorized", "401"},
        {"cinder unknown type", Service::BlockStorage, 404,
         R"({"itemNotFound": {"code": 404, "message": "Volume type with name nope could not be found."}})",
         "xloud.volume_type.not_found", "Volume type with name nope"},
        {"cinder unknown zone", Service::BlockStorage, 400,
         R"({"badRequest": {"code": 400, "message": "Availability zone 'nowhere' is invalid."}})",
         "xloud.availability_zone.not_found", "nowhere"},
        {"cinder gigabytes quota", Service::BlockStorage, 413,
         R"({"overLimit": {"code": 413, "message": "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested 500G, quota is 200G and 0G has been consumed.", "retryAfter": "0"}})",
         "xloud.quota_exceeded", "'gigabytes'"},
        {"cinder per-type quota", Service::BlockStorage, 413,
         R"({"overLimit": {"code": 413, "message": "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes_ssd quota. Requested 150G, quota is 120G and 0G has been consumed.", "retryAfter": "0"}})",
         "xloud.quota_exceeded", "'ssd' volumes"},
        {"cinder volume count quota", Service::BlockStorage, 413,
         R"({"overLimit": {"code": 413, "message": "VolumeLimitExceeded: Maximum number of volumes allowed (10) exceeded for quota 'volumes'."}})",
         "xloud.quota_exceeded", "'volumes'"},
        {"cinder missing volume", Service::BlockStorage, 404,
         R"({"itemNotFound": {"code": 404, "message": "Volume 0000 could not be found."}})", "xloud.volume.not_found",
         "Volume 0000"},
        {"neutron mac in use", Service::Network, 409,
         R"({"NeutronError": {"type": "MacAddressInUse", "message": "Unable to complete operation for network f2. The mac address fa:16:3e:00:11:22 is in use.", "detail": ""}})",
         "xloud.mac_in_use", "MAC address"},
        {"neutron ip in use", Service::Network, 409,
         R"({"NeutronError": {"type": "IpAddressAlreadyAllocated", "message": "IP address 10.10.0.92 already allocated in subnet 6a", "detail": ""}})",
         "xloud.ip_in_use", "IP address"},
        {"neutron custom mac on shared network", Service::Network, 403,
         R"({"NeutronError": {"type": "PolicyNotAuthorized", "message": "(rule:create_port and rule:create_port:mac_address) is disallowed by policy", "detail": ""}})",
         "xloud.mac_not_allowed", "custom MAC not allowed on this network"},
        {"neutron fixed ip on shared network", Service::Network, 403,
         R"({"NeutronError": {"type": "PolicyNotAuthorized", "message": "(rule:create_port and (rule:create_port:fixed_ips and (rule:create_port:fixed_ips:ip_address))) is disallowed by policy", "detail": ""}})",
         "xloud.fixed_ip_not_allowed", "fixed IP"},
        {"neutron unknown network", Service::Network, 404,
         R"({"NeutronError": {"type": "NetworkNotFound", "message": "Network 0000 could not be found.", "detail": ""}})",
         "xloud.network.not_found", "Network 0000"},
        {"neutron unknown port", Service::Network, 404,
         R"({"NeutronError": {"type": "PortNotFound", "message": "Port 0000 could not be found.", "detail": ""}})",
         "xloud.port.not_found", "Port 0000"},
        {"neutron over quota", Service::Network, 409,
         R"({"NeutronError": {"type": "OverQuota", "message": "Quota exceeded for resources: ['port'].", "detail": ""}})",
         "xloud.quota_exceeded", "'port'"},
        {"nova unknown flavor", Service::Compute, 400,
         R"({"badRequest": {"code": 400, "message": "Flavor 99 could not be found."}})", "xloud.flavor.not_found",
         "Flavor 99"},
        {"nova unknown zone", Service::Compute, 400,
         R"({"badRequest": {"code": 400, "message": "The requested availability zone is not available"}})",
         "xloud.availability_zone.not_found", "availability zone"},
        {"nova quota as 403", Service::Compute, 403,
         R"({"forbidden": {"code": 403, "message": "Quota exceeded for cores: Requested 4, but already used 18 of 20 cores"}})",
         "xloud.quota_exceeded", "'cores'"},
        {"nova plain forbidden", Service::Compute, 403,
         R"({"forbidden": {"code": 403, "message": "Policy doesn't allow os_compute_api:servers:create:forced_host to be performed."}})",
         "xloud.forbidden", "forced_host"},
        {"nova server missing", Service::Compute, 404,
         R"({"itemNotFound": {"code": 404, "message": "Instance abc could not be found."}})", "xloud.server.not_found",
         "Instance abc"},
        {"glance html 404", Service::Image, 404,
         "<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n"
         "  No image found with ID 0000<br /><br />\n\n\n\n </body>\n</html>",
         "xloud.image.not_found", "No image found with ID 0000"},
        {"glance 413 storage quota", Service::Image, 413,
         "413 Request Entity Too Large\n\nDenying attempt to upload image because it exceeds the quota: The size of "
         "the data 2147483648 will exceed the limit. 1073741824 bytes remaining.",
         "xloud.quota_exceeded", "quota"},
        {"cinder 503", Service::BlockStorage, 503,
         R"({"serviceUnavailable": {"code": 503, "message": "Service is unavailable"}})", "xloud.server_error", "503"},
        {"unparsable 500", Service::Compute, 500, "Internal Server Error", "xloud.server_error", "Try again later"},
        {"other 400", Service::Network, 400,
         R"({"NeutronError": {"type": "HTTPBadRequest", "message": "Invalid input for fixed_ips. Reason: '' is not a valid IP address.", "detail": ""}})",
         "xloud.bad_request", "not a valid IP address"},
    };
    return cases;
}
