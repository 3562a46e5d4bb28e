namespace Monitor.Lambda.Tests;

public sealed class SettingsTests
{
    private static Dictionary<string, string> Minimal() => new()
    {
        ["_HANDLER"] = "ingest-cloudtrail",
        ["AWS_REGION"] = "eu-west-1",
        ["MONITOR_STATE_TABLE"] = "state",
        ["MONITOR_ALERT_QUEUE_URL"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/alerts",
    };

    [Fact]
    public void Defaults_Apply_WhenOnlyRequiredVariablesAreSet()
    {
        var settings = Settings.Load(Minimal());

        settings.Handler.ShouldBe("ingest-cloudtrail");
        settings.StateTable.ShouldBe("state");
        settings.Detection.Credentials.UnusedAfter.ShouldBe(TimeSpan.FromDays(90));
        settings.Detection.Roles.LearningPeriod.ShouldBe(TimeSpan.FromDays(14));
        settings.Detection.Roles.TrustedAccounts.ShouldBeEmpty();
        settings.SafetyMargin.ShouldBe(TimeSpan.FromSeconds(10));
        settings.StateRetention.ShouldBe(TimeSpan.FromDays(400));
        settings.S3Endpoint.ShouldBeNull();
    }

    [Theory]
    [InlineData("_HANDLER")]
    [InlineData("AWS_REGION")]
    [InlineData("MONITOR_STATE_TABLE")]
    [InlineData("MONITOR_ALERT_QUEUE_URL")]
    public void Load_NamesTheVariable_WhenARequiredOneIsMissing(string name)
    {
        var environment = Minimal();
        environment[name] = " ";

        Should.Throw<SettingsException>(() => Settings.Load(environment)).Variable.ShouldBe(name);
    }

    [Theory]
    [InlineData("MONITOR_UNUSED_AFTER_DAYS", "ninety")]
    [InlineData("MONITOR_UNUSED_AFTER_DAYS", "0")]
    [InlineData("MONITOR_LEARNING_PERIOD_DAYS", "-1")]
    [InlineData("MONITOR_SAFETY_MARGIN_MS", "1e3")]
    [InlineData("MONITOR_TRUSTED_ACCOUNTS", "12345,123456789012")]
    [InlineData("MONITOR_ALERT_QUEUE_URL", "alerts")]
    [InlineData("MONITOR_S3_ENDPOINT", "ftp://127.0.0.1:1")]
    [InlineData("MONITOR_KEY_ROTATION_DAYS", "0")]
    [InlineData("MONITOR_ROOT_WINDOW_DAYS", "0")]
    [InlineData("MONITOR_ROLE_ALLOW_NETWORKS", "10.0.0.0/8,not-a-network")]
    public void Load_NamesTheVariable_WhenAValueIsInvalid(string name, string value)
    {
        var environment = Minimal();
        environment[name] = value;

        var exception = Should.Throw<SettingsException>(() => Settings.Load(environment));
        exception.Variable.ShouldBe(name);
        exception.Message.ShouldStartWith(name + ":");
    }

    [Fact]
    public void Overrides_AndThresholds_AreRead()
    {
        var environment = Minimal();
        environment["MONITOR_TRUSTED_ACCOUNTS"] = "111111111111, 222222222222";
        environment["MONITOR_UNUSED_AFTER_DAYS"] = "45";
        environment["MONITOR_SAFETY_MARGIN_MS"] = "250";
        environment["MONITOR_DYNAMODB_ENDPOINT"] = "http://127.0.0.1:4567";
        environment["MONITOR_REPORT_BUCKET"] = "stack-reportbucket";

        var settings = Settings.Load(environment);

        settings.ReportBucket.ShouldBe("stack-reportbucket");

        settings.Detection.Roles.TrustedAccounts.ShouldBe(["111111111111", "222222222222"], ignoreOrder: true);
        settings.Detection.Credentials.UnusedAfter.ShouldBe(TimeSpan.FromDays(45));
        settings.SafetyMargin.ShouldBe(TimeSpan.FromMilliseconds(250));
        settings.DynamoDbEndpoint.ShouldBe(new Uri("http://127.0.0.1:4567"));
    }

    [Fact]
    public void CredentialAndRoleTuning_IsRead()
    {
        var environment = Minimal();
        environment["MONITOR_KEY_ROTATION_DAYS"] = "30";
        environment["MONITOR_ROOT_WINDOW_DAYS"] = "30";
        environment["MONITOR_ROLE_ALLOW_CALLERS"] = "arn:aws:iam::111122223333:role/ci-*, arn:aws:iam::111122223333:user/bob";
        environment["MONITOR_ROLE_ALLOW_ROLES"] = "arn:aws:iam::111122223333:role/breakglass";
        environment["MONITOR_ROLE_ALLOW_NETWORKS"] = "198.51.100.0/24,2001:db8::/32";
        environment["MONITOR_IAM_ENDPOINT"] = "http://127.0.0.1:4570";

        var settings = Settings.Load(environment);

        settings.Detection.Credentials.KeyRotationAfter.ShouldBe(TimeSpan.FromDays(30));
        settings.Detection.Credentials.RootWindow.ShouldBe(TimeSpan.FromDays(30));
        settings.Detection.Roles.AllowList.AllowsCaller("arn:aws:iam::111122223333:role/ci-deploy").ShouldBeTrue();
        settings.Detection.Roles.AllowList.AllowsCaller("arn:aws:iam::111122223333:user/bob").ShouldBeTrue();
        settings.Detection.Roles.AllowList.AllowsRole("arn:aws:iam::111122223333:role/breakglass").ShouldBeTrue();
        settings.Detection.Roles.AllowList.AllowsAddress(System.Net.IPAddress.Parse("198.51.100.7")).ShouldBeTrue();
        settings.Detection.Roles.AllowList.AllowsAddress(System.Net.IPAddress.Parse("203.0.113.7")).ShouldBeFalse();
        settings.IamEndpoint.ShouldBe(new Uri("http://127.0.0.1:4570"));
    }

    [Fact]
    public void Catalogue_ListsEveryVariableLoadReads()
    {
        var names = typeof(Settings.Names).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();

        Settings.Variables.Select(v => v.Name).ShouldBe(names, ignoreOrder: true);
    }
}
