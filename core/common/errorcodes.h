#pragma once

#include <QLatin1StringView>

namespace xms::errc {

// Every error code in one place: dotted, stable, snake_case — programs and scripts match on them
// (`--output json` prints them), so a code is never renamed. Grouped by the module or area that
// raises it. Compare with Error::is(errc::kJobNotFound).

// checkpoint.*
inline constexpr QLatin1StringView kCheckpointElsewhere {"checkpoint.elsewhere"};
inline constexpr QLatin1StringView kCheckpointSourceChanged {"checkpoint.source_changed"};
inline constexpr QLatin1StringView kCheckpointStale {"checkpoint.stale"};

// cleanup.*
inline constexpr QLatin1StringView kCleanupIncomplete {"cleanup.incomplete"};

// cloud.*
inline constexpr QLatin1StringView kCloudExists {"cloud.exists"};
inline constexpr QLatin1StringView kCloudNotFound {"cloud.not_found"};

// engine.*
inline constexpr QLatin1StringView kEngineNoWorker {"engine.no_worker"};

// export.*
inline constexpr QLatin1StringView kExportCancelled {"export.cancelled"};
inline constexpr QLatin1StringView kExportNoDisks {"export.no_disks"};
inline constexpr QLatin1StringView kExportStaging {"export.staging"};

// finalize.*
inline constexpr QLatin1StringView kFinalizeFlavorNotFound {"finalize.flavor_not_found"};
inline constexpr QLatin1StringView kFinalizeKeepIpNoAddress {"finalize.keep_ip_no_address"};
inline constexpr QLatin1StringView kFinalizeKeepIpOutsideSubnet {"finalize.keep_ip_outside_subnet"};
inline constexpr QLatin1StringView kFinalizeNicUnmapped {"finalize.nic_unmapped"};
inline constexpr QLatin1StringView kFinalizeNoVolumes {"finalize.no_volumes"};
inline constexpr QLatin1StringView kFinalizeSubnetNotFound {"finalize.subnet_not_found"};

// guest.*
inline constexpr QLatin1StringView kGuestApplianceFailed {"guest.appliance_failed"};
inline constexpr QLatin1StringView kGuestApplianceStalled {"guest.appliance_stalled"};
inline constexpr QLatin1StringView kGuestBadRecord {"guest.bad_record"};
inline constexpr QLatin1StringView kGuestBootFailed {"guest.boot_failed"};
inline constexpr QLatin1StringView kGuestBootUnavailable {"guest.boot_unavailable"};
inline constexpr QLatin1StringView kGuestCommitFailed {"guest.commit_failed"};
inline constexpr QLatin1StringView kGuestConverterStalled {"guest.converter_stalled"};
inline constexpr QLatin1StringView kGuestDiskMissing {"guest.disk_missing"};
inline constexpr QLatin1StringView kGuestDiskUnusable {"guest.disk_unusable"};
inline constexpr QLatin1StringView kGuestFixesFailed {"guest.fixes_failed"};
inline constexpr QLatin1StringView kGuestHostKernelUnreadable {"guest.host_kernel_unreadable"};
inline constexpr QLatin1StringView kGuestInternal {"guest.internal"};
inline constexpr QLatin1StringView kGuestLogUnavailable {"guest.log_unavailable"};
inline constexpr QLatin1StringView kGuestNoDisks {"guest.no_disks"};
inline constexpr QLatin1StringView kGuestNoHostKernel {"guest.no_host_kernel"};
inline constexpr QLatin1StringView kGuestNoOs {"guest.no_os"};
inline constexpr QLatin1StringView kGuestOverlayFailed {"guest.overlay_failed"};
inline constexpr QLatin1StringView kGuestPinFailed {"guest.pin_failed"};
inline constexpr QLatin1StringView kGuestQemuImgMissing {"guest.qemu_img_missing"};
inline constexpr QLatin1StringView kGuestTmpUnavailable {"guest.tmp_unavailable"};
inline constexpr QLatin1StringView kGuestV2vMissing {"guest.v2v_missing"};
inline constexpr QLatin1StringView kGuestVirtioWinMissing {"guest.virtio_win_missing"};
inline constexpr QLatin1StringView kGuestWorkdirUnavailable {"guest.workdir_unavailable"};

// input.*
inline constexpr QLatin1StringView kInputFile {"input.file"};
inline constexpr QLatin1StringView kInputInstanceName {"input.instance_name"};
inline constexpr QLatin1StringView kInputKind {"input.kind"};
inline constexpr QLatin1StringView kInputMissing {"input.missing"};
inline constexpr QLatin1StringView kInputNetworkMap {"input.network_map"};
inline constexpr QLatin1StringView kInputProfile {"input.profile"};
inline constexpr QLatin1StringView kInputProfileUnnamed {"input.profile_unnamed"};

// io.*
inline constexpr QLatin1StringView kIoWrite {"io.write"};

// job.*
inline constexpr QLatin1StringView kJobAmbiguous {"job.ambiguous"};
inline constexpr QLatin1StringView kJobCancelled {"job.cancelled"};
inline constexpr QLatin1StringView kJobInterrupted {"job.interrupted"};
inline constexpr QLatin1StringView kJobLeaseLost {"job.lease_lost"};
inline constexpr QLatin1StringView kJobNotFound {"job.not_found"};
inline constexpr QLatin1StringView kJobOrphaned {"job.orphaned"};
inline constexpr QLatin1StringView kJobOwned {"job.owned"};

// net.*
inline constexpr QLatin1StringView kNetConnectionClosed {"net.connection_closed"};
inline constexpr QLatin1StringView kNetConnectionRefused {"net.connection_refused"};
inline constexpr QLatin1StringView kNetError {"net.error"};
inline constexpr QLatin1StringView kNetHostNotFound {"net.host_not_found"};
inline constexpr QLatin1StringView kNetTimeout {"net.timeout"};

// secrets.*
inline constexpr QLatin1StringView kSecretsDenied {"secrets.denied"};
inline constexpr QLatin1StringView kSecretsNotFound {"secrets.not_found"};
inline constexpr QLatin1StringView kSecretsUnavailable {"secrets.unavailable"};

// staging.*
inline constexpr QLatin1StringView kStagingClosed {"staging.closed"};
inline constexpr QLatin1StringView kStagingNoSpace {"staging.no_space"};
inline constexpr QLatin1StringView kStagingOpenFailed {"staging.open_failed"};
inline constexpr QLatin1StringView kStagingWriteFailed {"staging.write_failed"};

// store.*
inline constexpr QLatin1StringView kStoreOpen {"store.open"};
inline constexpr QLatin1StringView kStoreSchema {"store.schema"};
inline constexpr QLatin1StringView kStoreSql {"store.sql"};
inline constexpr QLatin1StringView kStoreTooNew {"store.too_new"};
inline constexpr QLatin1StringView kStoreUrl {"store.url"};
inline constexpr QLatin1StringView kStoreAuth {"store.auth"};
inline constexpr QLatin1StringView kStoreUnreachable {"store.unreachable"};

// tls.*
inline constexpr QLatin1StringView kTlsBackend {"tls.backend"};
inline constexpr QLatin1StringView kTlsCaFile {"tls.ca_file"};
inline constexpr QLatin1StringView kTlsHandshake {"tls.handshake"};
inline constexpr QLatin1StringView kTlsHandshakeFailed {"tls.handshake_failed"};
inline constexpr QLatin1StringView kTlsInsecureEndpoint {"tls.insecure_endpoint"};
inline constexpr QLatin1StringView kTlsNoCertificate {"tls.no_certificate"};
inline constexpr QLatin1StringView kTlsNoPin {"tls.no_pin"};
inline constexpr QLatin1StringView kTlsPinMismatch {"tls.pin_mismatch"};
inline constexpr QLatin1StringView kTlsPlainHttp {"tls.plain_http"};
inline constexpr QLatin1StringView kTlsUntrusted {"tls.untrusted"};

// transfer.*
inline constexpr QLatin1StringView kTransferCancelled {"transfer.cancelled"};
inline constexpr QLatin1StringView kTransferConnectionRefused {"transfer.connection_refused"};
inline constexpr QLatin1StringView kTransferDigest {"transfer.digest"};
inline constexpr QLatin1StringView kTransferFailed {"transfer.failed"};
inline constexpr QLatin1StringView kTransferFileRead {"transfer.file_read"};
inline constexpr QLatin1StringView kTransferFormatUnsupported {"transfer.format_unsupported"};
inline constexpr QLatin1StringView kTransferHostUnknown {"transfer.host_unknown"};
inline constexpr QLatin1StringView kTransferHttpError {"transfer.http_error"};
inline constexpr QLatin1StringView kTransferInternal {"transfer.internal"};
inline constexpr QLatin1StringView kTransferInterrupted {"transfer.interrupted"};
inline constexpr QLatin1StringView kTransferOutOfBounds {"transfer.out_of_bounds"};
inline constexpr QLatin1StringView kTransferRangeUnsupported {"transfer.range_unsupported"};
inline constexpr QLatin1StringView kTransferStalled {"transfer.stalled"};
inline constexpr QLatin1StringView kTransferStreamTooLong {"transfer.stream_too_long"};
inline constexpr QLatin1StringView kTransferStreamTruncated {"transfer.stream_truncated"};
inline constexpr QLatin1StringView kTransferTimeout {"transfer.timeout"};
inline constexpr QLatin1StringView kTransferVmdkCorrupt {"transfer.vmdk_corrupt"};

// usage.*
inline constexpr QLatin1StringView kUsageArguments {"usage.arguments"};
inline constexpr QLatin1StringView kUsageCloud {"usage.cloud"};
inline constexpr QLatin1StringView kUsageExists {"usage.exists"};
inline constexpr QLatin1StringView kUsageInstanceName {"usage.instance_name"};
inline constexpr QLatin1StringView kUsageJobEnded {"usage.job_ended"};
inline constexpr QLatin1StringView kUsageJobNotEnded {"usage.job_not_ended"};
inline constexpr QLatin1StringView kUsageKey {"usage.key"};
inline constexpr QLatin1StringView kUsageMacFallback {"usage.mac_fallback"};
inline constexpr QLatin1StringView kUsageMissing {"usage.missing"};
inline constexpr QLatin1StringView kUsageNothingKept {"usage.nothing_kept"};
inline constexpr QLatin1StringView kUsageRetry {"usage.retry"};
inline constexpr QLatin1StringView kUsageDuplicateVm {"usage.duplicate_vm"};
inline constexpr QLatin1StringView kUsageValue {"usage.value"};

// vsphere.*
inline constexpr QLatin1StringView kVsphereBadResponse {"vsphere.bad_response"};
inline constexpr QLatin1StringView kVsphereCancelled {"vsphere.cancelled"};
inline constexpr QLatin1StringView kVsphereDatacenterNotFound {"vsphere.datacenter.not_found"};
inline constexpr QLatin1StringView kVsphereHttp {"vsphere.http"};
inline constexpr QLatin1StringView kVsphereInvalidLogin {"vsphere.invalid_login"};
inline constexpr QLatin1StringView kVsphereInvalidPowerState {"vsphere.invalid_power_state"};
inline constexpr QLatin1StringView kVsphereLeaseError {"vsphere.lease.error"};
inline constexpr QLatin1StringView kVsphereLeaseTimeout {"vsphere.lease.timeout"};
inline constexpr QLatin1StringView kVsphereNoSdk {"vsphere.no_sdk"};
inline constexpr QLatin1StringView kVsphereNotAuthenticated {"vsphere.not_authenticated"};
inline constexpr QLatin1StringView kVsphereObjectNotFound {"vsphere.object_not_found"};
inline constexpr QLatin1StringView kVsphereUnavailable {"vsphere.unavailable"};
inline constexpr QLatin1StringView kVsphereVmAmbiguous {"vsphere.vm.ambiguous"};
inline constexpr QLatin1StringView kVsphereVmNotFound {"vsphere.vm.not_found"};

// write.*
inline constexpr QLatin1StringView kWriteChecksumMismatch {"write.checksum_mismatch"};

// xloud.*
inline constexpr QLatin1StringView kXloudAvailabilityZoneNotFound {"xloud.availability_zone.not_found"};
inline constexpr QLatin1StringView kXloudBadRequest {"xloud.bad_request"};
inline constexpr QLatin1StringView kXloudBadResponse {"xloud.bad_response"};
inline constexpr QLatin1StringView kXloudCancelled {"xloud.cancelled"};
inline constexpr QLatin1StringView kXloudConflict {"xloud.conflict"};
inline constexpr QLatin1StringView kXloudEndpointNotFound {"xloud.endpoint.not_found"};
inline constexpr QLatin1StringView kXloudFixedIpNotAllowed {"xloud.fixed_ip_not_allowed"};
inline constexpr QLatin1StringView kXloudForbidden {"xloud.forbidden"};
inline constexpr QLatin1StringView kXloudInvalidLogin {"xloud.invalid_login"};
inline constexpr QLatin1StringView kXloudIpInUse {"xloud.ip_in_use"};
inline constexpr QLatin1StringView kXloudMacInUse {"xloud.mac_in_use"};
inline constexpr QLatin1StringView kXloudMacNotAllowed {"xloud.mac_not_allowed"};
inline constexpr QLatin1StringView kXloudProjectNotFound {"xloud.project.not_found"};
inline constexpr QLatin1StringView kXloudProjectRequired {"xloud.project.required"};
inline constexpr QLatin1StringView kXloudQuotaExceeded {"xloud.quota_exceeded"};
inline constexpr QLatin1StringView kXloudRegionAmbiguous {"xloud.region.ambiguous"};
inline constexpr QLatin1StringView kXloudServerError {"xloud.server_error"};
inline constexpr QLatin1StringView kXloudTimeout {"xloud.timeout"};
inline constexpr QLatin1StringView kXloudUnauthorized {"xloud.unauthorized"};
inline constexpr QLatin1StringView kXloudUnreachable {"xloud.unreachable"};
inline constexpr QLatin1StringView kXloudWaitTimeout {"xloud.wait_timeout"};

} // namespace xms::errc
