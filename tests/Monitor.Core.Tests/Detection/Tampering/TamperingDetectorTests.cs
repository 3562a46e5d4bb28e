using Monitor.Detection;
using Monitor.Detection.Tampering;
using Monitor.Records;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection.Tampering;

/// <summary>Each tampering rule, both sides of what it takes, and the allow-list.</summary>
public sealed class TamperingDetectorTests
{
    private static readonly DateTimeOffset T0 = Some.CredentialEpoch;
    private const string Account = Some.CredentialAccount;

    private static Task<IReadOnlyList<Finding>> DetectAsync(params Activity[] activities) => DetectAsync(new TamperingOptions(), activities);

    private static Task<IReadOnlyList<Finding>> DetectAsync(TamperingOptions options, params Activity[] activities) =>
        new EngineRun(new TamperingDetector(options)).EachAsync(activities);

    private static Activity Call(string source, string name, string? parameters, string user = "mallory", string? errorCode = null, string? key = "AKIAMALLORY000000001") =>
        Some.UserCall(user, name, T0, key, $"{source}.amazonaws.com", requestParameters: parameters, errorCode: errorCode);

    [Fact]
    public async Task StopLogging_IsLoggingDisabled_NamingTheTrailAndTheCaller()
    {
        var stop = Call("cloudtrail", "StopLogging", """{"name":"org-trail"}""");

        var finding = (await DetectAsync(stop)).ShouldHaveSingleItem();

        finding.Detector.ShouldBe("tampering");
        finding.Severity.ShouldBe(Severity.High);
        finding.Signals.ShouldBe(["logging-disabled"]);
        finding.Title.ShouldBe("Logging or monitoring turned off: StopLogging org-trail");
        finding.Principal.ShouldBe($"arn:aws:iam::{Account}:user/mallory");
        finding.Account.ShouldBe(Account);
        finding.Time.ShouldBe(T0);
        finding.EventIds.ShouldBe([stop.EventId]);
        finding.Id.ShouldBe(FindingId.For("tampering", "LoggingDisabled", stop.DedupKey));
        finding.Evidence.ToJsonString().ShouldBe("""{"eventSource":"cloudtrail.amazonaws.com","eventName":"StopLogging","target":"org-trail","sourceIPAddress":"198.51.100.7","userAgent":"aws-cli/2.15.0","region":"us-east-1"}""");
        finding.Recommendation.ShouldStartWith("Turn it back on at once");
    }

    [Theory]
    [InlineData("cloudtrail", "DeleteTrail", """{"name":"t"}""")]
    [InlineData("cloudtrail", "DeleteEventDataStore", """{"eventDataStore":"t"}""")]
    [InlineData("cloudtrail", "StopEventDataStoreIngestion", """{"eventDataStore":"t"}""")]
    [InlineData("guardduty", "DeleteDetector", """{"detectorId":"t"}""")]
    [InlineData("guardduty", "DisassociateFromMasterAccount", """{"detectorId":"t"}""")]
    [InlineData("guardduty", "DisassociateFromAdministratorAccount", """{"detectorId":"t"}""")]
    [InlineData("guardduty", "StopMonitoringMembers", """{"detectorId":"t"}""")]
    [InlineData("guardduty", "UpdateDetector", """{"detectorId":"t","enable":false}""")]
    [InlineData("securityhub", "DisableSecurityHub", """{"hubArn":"t"}""")]
    [InlineData("securityhub", "DisassociateFromMasterAccount", """{"hubArn":"t"}""")]
    [InlineData("securityhub", "DisassociateFromAdministratorAccount", """{"hubArn":"t"}""")]
    [InlineData("config", "StopConfigurationRecorder", """{"configurationRecorderName":"t"}""")]
    [InlineData("config", "DeleteConfigurationRecorder", """{"configurationRecorderName":"t"}""")]
    [InlineData("config", "DeleteDeliveryChannel", """{"deliveryChannelName":"t"}""")]
    [InlineData("access-analyzer", "DeleteAnalyzer", """{"analyzerName":"t"}""")]
    public async Task TurningOffAnyLoggingOrMonitoringService_IsLoggingDisabled(string service, string name, string parameters)
    {
        var finding = (await DetectAsync(Call(service, name, parameters))).ShouldHaveSingleItem();

        finding.Signals.ShouldBe(["logging-disabled"]);
        finding.Evidence["target"]!.GetValue<string>().ShouldBe("t");
    }

    [Theory]
    [InlineData("guardduty", "UpdateDetector", """{"detectorId":"t","enable":true}""")]
    [InlineData("guardduty", "UpdateDetector", """{"detectorId":"t","findingPublishingFrequency":"SIX_HOURS"}""")]
    [InlineData("cloudtrail", "StartLogging", """{"name":"t"}""")]
    [InlineData("cloudtrail", "CreateTrail", """{"name":"t"}""")]
    [InlineData("s3", "DeleteTrail", """{"name":"t"}""")]
    public async Task OtherCalls_AreNotTampering(string service, string name, string parameters) =>
        (await DetectAsync(Call(service, name, parameters))).ShouldBeEmpty();

    [Fact]
    public async Task AFailedOrDeniedCall_IsNotTampering() =>
        (await DetectAsync(Call("cloudtrail", "StopLogging", """{"name":"t"}""", errorCode: "AccessDenied"), Call("cloudtrail", "DeleteTrail", """{"name":"t"}""", errorCode: "TrailNotFoundException"))).ShouldBeEmpty();

    [Fact]
    public async Task RootsOwnCalls_AreLeftToTheRootUsageDetector()
    {
        var root = Some.RootCall("StopLogging", T0, eventSource: "cloudtrail.amazonaws.com");

        (await DetectAsync(root)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"trailName":"t","eventSelectors":[{"readWriteType":"All","includeManagementEvents":false,"dataResources":[]}]}""", true)]
    [InlineData("""{"trailName":"t","eventSelectors":[{"readWriteType":"WriteOnly","includeManagementEvents":true}]}""", true)]
    [InlineData("""{"trailName":"t","eventSelectors":[{"readWriteType":"All","includeManagementEvents":true,"excludeManagementEventSources":["kms.amazonaws.com"]}]}""", true)]
    [InlineData("""{"trailName":"t","eventSelectors":[]}""", true)]
    [InlineData("""{"trailName":"t","eventSelectors":[{"readWriteType":"All","includeManagementEvents":true,"excludeManagementEventSources":[],"dataResources":[{"type":"AWS::S3::Object","values":["arn:aws:s3"]}]}]}""", false)]
    [InlineData("""{"trailName":"t","eventSelectors":[{"includeManagementEvents":true}]}""", false)]
    [InlineData("""{"trailName":"t","advancedEventSelectors":[{"name":"m","fieldSelectors":[{"field":"eventCategory","equals":["Management"]}]}]}""", false)]
    [InlineData("""{"trailName":"t","advancedEventSelectors":[{"name":"m","fieldSelectors":[{"field":"eventCategory","equals":["Management"]},{"field":"readOnly","equals":["false"]}]}]}""", true)]
    [InlineData("""{"trailName":"t","advancedEventSelectors":[{"name":"d","fieldSelectors":[{"field":"eventCategory","equals":["Data"]},{"field":"resources.type","equals":["AWS::S3::Object"]}]}]}""", true)]
    [InlineData("""{"trailName":"t"}""", false)]
    public async Task EventSelectors_ThatDropManagementEvents_AreLoggingReduced(string parameters, bool reduced)
    {
        var findings = await DetectAsync(Call("cloudtrail", "PutEventSelectors", parameters));

        findings.Rules().ShouldBe(reduced ? ["logging-reduced medium"] : []);
    }

    [Fact]
    public async Task TrustOpenedToAnOutsideAccount_IsHigh_NamingTheAccounts()
    {
        var policy = TrustDocument("""{"AWS":["arn:aws:iam::193672423079:root","444455556666","arn:aws:iam::111122223333:role/ops"]}""");

        var finding = (await DetectAsync(Call("iam", "UpdateAssumeRolePolicy", $$"""{"roleName":"ops","policyDocument":{{policy}}}"""))).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.High);
        finding.Signals.ShouldBe(["trust-policy-opened"]);
        finding.Title.ShouldBe("Trust policy of role ops admits 193672423079, 444455556666");
        finding.Evidence["outsideAccounts"]!.ToJsonString().ShouldBe("""["193672423079","444455556666"]""");
        finding.Evidence["anyPrincipal"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task TrustedAccounts_AndTheRolesOwnAccount_AreNotOutside()
    {
        var options = new TamperingOptions { TrustedAccounts = new HashSet<string> { "444455556666" } };
        var policy = TrustDocument("""{"AWS":["444455556666","arn:aws:iam::111122223333:root"]}""");

        (await DetectAsync(options, Call("iam", "UpdateAssumeRolePolicy", $$"""{"roleName":"ops","policyDocument":{{policy}}}"""))).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("\"*\"", "", "critical", "any-principal")]
    [InlineData("""{"AWS":"*"}""", "", "critical", "any-principal")]
    [InlineData("""{"AWS":"*"}""", ""","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc"}}""", "medium", "any-principal-with-condition")]
    public async Task TrustOpenedToAnyPrincipal_IsCritical_UnlessACondition(string principal, string condition, string severity, string signal)
    {
        var policy = System.Text.Json.JsonSerializer.Serialize($$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{{principal}},"Action":"sts:AssumeRole"{{condition}}}]}""");

        var finding = (await DetectAsync(Call("iam", "UpdateAssumeRolePolicy", $$"""{"roleName":"ops","policyDocument":{{policy}}}"""))).ShouldHaveSingleItem();

        FindingJson.SeverityName(finding.Severity).ShouldBe(severity);
        finding.Signals.ShouldBe(["trust-policy-opened", signal]);
        finding.Title.ShouldBe("Trust policy of role ops admits any principal");
    }

    [Theory]
    [InlineData("""{"Service":"ec2.amazonaws.com"}""")]
    [InlineData("""{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}""")]
    [InlineData("""{"AWS":"arn:aws:iam::111122223333:role/ops"}""")]
    public async Task TrustInTheAccountOrInAService_IsNotOpened(string principal) =>
        (await DetectAsync(Call("iam", "UpdateAssumeRolePolicy", $$"""{"roleName":"ops","policyDocument":{{TrustDocument(principal)}}}"""))).ShouldBeEmpty();

    [Fact]
    public async Task ADenyStatement_OrAnUnreadablePolicy_OpensNothing()
    {
        var deny = System.Text.Json.JsonSerializer.Serialize("""{"Statement":{"Effect":"Deny","Principal":{"AWS":"193672423079"},"Action":"sts:AssumeRole"}}""");

        (await DetectAsync(
            Call("iam", "UpdateAssumeRolePolicy", $$"""{"roleName":"ops","policyDocument":{{deny}}}"""),
            Call("iam", "UpdateAssumeRolePolicy", """{"roleName":"ops","policyDocument":"{not json"}"""))).ShouldBeEmpty();
    }

    [Fact]
    public async Task ARoleCreatedTrustingAnOutsideAccount_AndAUrlEncodedPolicy_AreRead()
    {
        var encoded = System.Text.Json.JsonSerializer.Serialize(Uri.EscapeDataString("""{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::193672423079:root"},"Action":"sts:AssumeRole"}]}"""));

        var findings = await DetectAsync(Call("iam", "CreateRole", $$"""{"roleName":"backdoor","assumeRolePolicyDocument":{{TrustDocument("""{"AWS":"193672423079"}""")}}}"""),
            Call("iam", "UpdateAssumeRolePolicy", $$"""{"roleName":"ops","policyDocument":{{encoded}}}"""));

        findings.Select(f => f.Title).ShouldBe(["Trust policy of role backdoor admits 193672423079", "Trust policy of role ops admits 193672423079"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("CreateAccessKey")]
    [InlineData("CreateLoginProfile")]
    [InlineData("UpdateLoginProfile")]
    [InlineData("EnableMFADevice")]
    public async Task ACredentialForAnotherUser_IsReported_ButNotForOneself(string name)
    {
        var other = Call("iam", name, """{"userName":"alice"}""");
        var self = Call("iam", name, """{"userName":"mallory"}""");
        var caller = Call("iam", name, "{}");

        var finding = (await DetectAsync(other, self, caller)).ShouldHaveSingleItem();

        finding.Signals.ShouldBe(["credential-for-another-user"]);
        finding.Severity.ShouldBe(Severity.Medium);
        finding.Title.ShouldBe($"{name} for user alice by mallory");
    }

    [Fact]
    public async Task AdministratorAccess_AttachedOrWrittenInline_IsAdminRights()
    {
        var attach = Call("iam", "AttachUserPolicy", """{"userName":"alice","policyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}""");
        var inline = Call("iam", "PutUserPolicy", """{"userName":"bob","policyName":"p","policyDocument":"{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"}""");
        var readOnly = Call("iam", "AttachUserPolicy", """{"userName":"carol","policyArn":"arn:aws:iam::aws:policy/ReadOnlyAccess"}""");
        var scoped = Call("iam", "PutUserPolicy", """{"userName":"dave","policyName":"p","policyDocument":"{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"}""");

        var findings = await DetectAsync(attach, inline, readOnly, scoped);

        findings.Select(f => f.Title).ShouldBe(["Administrator rights given to user alice", "Administrator rights given to user bob"], ignoreOrder: true);
        findings.Rules().ShouldBe(["admin-rights-to-user high", "admin-rights-to-user high"]);
        findings.Single(f => f.Title.EndsWith("alice", StringComparison.Ordinal)).Evidence["policyArn"]!.GetValue<string>().ShouldBe("arn:aws:iam::aws:policy/AdministratorAccess");
    }

    [Fact]
    public async Task AFederationToken_FromALongTermKey_IsReportedForThePrincipalsFirstOnly()
    {
        var first = Some.UserCall("bot", "GetFederationToken", T0, "AKIABOT0000000000001", "sts.amazonaws.com", requestParameters: """{"name":"report"}""");
        var second = Some.UserCall("bot", "GetFederationToken", T0.AddDays(7), "AKIABOT0000000000001", "sts.amazonaws.com", requestParameters: """{"name":"report"}""");
        var fromSession = Some.UserCall("carol", "GetFederationToken", T0, "ASIACAROL00000000001", "sts.amazonaws.com", requestParameters: """{"name":"x"}""");

        var findings = await DetectAsync(second, first, fromSession);

        var finding = findings.ShouldHaveSingleItem();
        finding.Time.ShouldBe(T0);
        finding.Title.ShouldBe("First federation token (report) minted from a long-term key of bot");
        new[] { finding }.Rules().ShouldBe(["federation-token-from-long-term-key medium"]);
    }

    [Fact]
    public async Task AConsoleSignInWithoutMfa_ByAnIamUser_IsReported()
    {
        var without = Some.UserConsoleLogin("alice", T0, mfa: false);
        var with = Some.UserConsoleLogin("bob", T0, mfa: true);
        var failed = Some.UserConsoleLogin("carol", T0, success: false, mfa: false);

        var finding = (await DetectAsync(without, with, failed)).ShouldHaveSingleItem();

        finding.Title.ShouldBe("Console sign-in without MFA by alice");
        new[] { finding }.Rules().ShouldBe(["console-login-without-mfa medium"]);
    }

    [Fact]
    public async Task AllowedPrincipals_AreNeverReported_ExactOrByPrefix()
    {
        var options = new TamperingOptions { AllowedPrincipals = [$"arn:aws:iam::{Account}:user/breakglass", $"arn:aws:iam::{Account}:user/terraform-*"] };

        var findings = await DetectAsync(options,
            Call("cloudtrail", "StopLogging", """{"name":"t"}""", user: "breakglass"),
            Call("cloudtrail", "StopLogging", """{"name":"t"}""", user: "terraform-ci"),
            Call("cloudtrail", "StopLogging", """{"name":"t"}""", user: "breakglass2"));

        findings.ShouldHaveSingleItem().Principal.ShouldBe($"arn:aws:iam::{Account}:user/breakglass2");
    }

    [Fact]
    public async Task ARolesArn_AllowsEverySessionOfIt()
    {
        var options = new TamperingOptions { AllowedPrincipals = [$"arn:aws:iam::{Account}:role/Ops"] };

        (await DetectAsync(options, Some.RoleCall("StopLogging", T0) with { EventSource = "cloudtrail.amazonaws.com" })).ShouldBeEmpty();
        (await DetectAsync(Some.RoleCall("StopLogging", T0) with { EventSource = "cloudtrail.amazonaws.com" })).ShouldHaveSingleItem()
            .Principal.ShouldBe($"arn:aws:sts::{Account}:assumed-role/Ops/ops");
    }

    private static string TrustDocument(string principal) =>
        System.Text.Json.JsonSerializer.Serialize($$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{{principal}},"Action":"sts:AssumeRole"}]}""");
}
