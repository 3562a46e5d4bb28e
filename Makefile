# `sam build` (BuildMethod: makefile) runs build-<LogicalId> with ARTIFACTS_DIR set. Every function is the
# same Native AOT `bootstrap` (linux-x64, glibc <= 2.34 for provided.al2023); _HANDLER picks the function.
# Needs the .NET 10 SDK, clang and zlib1g-dev on the build machine (no Docker).

PUBLISH_DIR ?= out/lambda

.PHONY: publish-bootstrap build-IngestCloudTrailFunction build-CredentialAuditFunction build-IngestAccessLogFunction build-LeastPrivilegeReportFunction

publish-bootstrap:
	dotnet publish functions/Monitor.Lambda/Monitor.Lambda.csproj -c Release -r linux-x64 -o $(PUBLISH_DIR)

build-IngestCloudTrailFunction: publish-bootstrap
	cp $(PUBLISH_DIR)/bootstrap $(ARTIFACTS_DIR)/bootstrap

build-CredentialAuditFunction: publish-bootstrap
	cp $(PUBLISH_DIR)/bootstrap $(ARTIFACTS_DIR)/bootstrap

build-IngestAccessLogFunction: publish-bootstrap
	cp $(PUBLISH_DIR)/bootstrap $(ARTIFACTS_DIR)/bootstrap

build-LeastPrivilegeReportFunction: publish-bootstrap
	cp $(PUBLISH_DIR)/bootstrap $(ARTIFACTS_DIR)/bootstrap
