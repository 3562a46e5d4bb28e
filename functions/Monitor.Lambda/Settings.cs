using System.Globalization;
using Monitor.Detection;
using Monitor.Detection.Credentials;
using Monitor.Detection.PublicBuckets;
using Monitor.Detection.Roles;
using Monitor.Detection.Tampering;

namespace Monitor.Lambda;

/// <summary>
/// Every environment variable the bootstrap reads, read here and nowhere else. <see cref="Load"/> fails on the
/// first missing or invalid one, naming it, so a bad deployment fails at init rather than on the first message.
/// </summary>
public sealed record Settings
{
    /// <summary>The variable names.</summary>
    public static class Names
    {
        public const string Handler = "_HANDLER";
        public const string RuntimeApi = "AWS_LAMBDA_RUNTIME_API";
        public const string Region = "AWS_REGION";
        public const string FunctionName = "AWS_LAMBDA_FUNCTION_NAME";
        public const string StateTable = "MONITOR_STATE_TABLE";
        public const string AlertQueueUrl = "MONITOR_ALERT_QUEUE_URL";
        public const string UnusedAfterDays = "MONITOR_UNUSED_AFTER_DAYS";
        public const string LearningPeriodDays = "MONITOR_LEARNING_PERIOD_DAYS";
        public const string TrustedAccounts = "MONITOR_TRUSTED_ACCOUNTS";
        public const string KeyRotationDays = "MONITOR_KEY_ROTATION_DAYS";
        public const string RootWindowDays = "MONITOR_ROOT_WINDOW_DAYS";
        public const string RoleAllowCallers = "MONITOR_ROLE_ALLOW_CALLERS";
        public const string RoleAllowRoles = "MONITOR_ROLE_ALLOW_ROLES";
        public const string RoleAllowNetworks = "MONITOR_ROLE_ALLOW_NETWORKS";
        public const string PublicBuckets = "MONITOR_PUBLIC_BUCKETS";
        public const string TamperingAllowPrincipals = "MONITOR_TAMPERING_ALLOW_PRINCIPALS";
        public const string StateRetentionDays = "MONITOR_STATE_RETENTION_DAYS";
        public const string SafetyMarginMs = "MONITOR_SAFETY_MARGIN_MS";
        public const string MetricsNamespace = "MONITOR_METRICS_NAMESPACE";
        public const string S3Endpoint = "MONITOR_S3_ENDPOINT";
        public const string DynamoDbEndpoint = "MONITOR_DYNAMODB_ENDPOINT";
        public const string SqsEndpoint = "MONITOR_SQS_ENDPOINT";
        public const string IamEndpoint = "MONITOR_IAM_ENDPOINT";
        public const string ReportBucket = "MONITOR_REPORT_BUCKET";
    }

    /// <summary>The catalogue the template tests check template.yaml against.</summary>
    public static IReadOnlyList<SettingVariable> Variables { get; } =
    [
        new(Names.Handler, SettingUse.Reserved, "which function this process is"),
        new(Names.RuntimeApi, SettingUse.Reserved, "host:port of the Runtime API"),
        new(Names.Region, SettingUse.Reserved, "region of the AWS clients"),
        new(Names.FunctionName, SettingUse.Reserved, "metric dimension"),
        new(Names.StateTable, SettingUse.Required, "DynamoDB state table name"),
        new(Names.AlertQueueUrl, SettingUse.Required, "SQS queue URL new findings are sent to"),
        new(Names.UnusedAfterDays, SettingUse.Optional, "days after which a credential is unused (default 90)"),
        new(Names.LearningPeriodDays, SettingUse.Optional, "learning period in days (default 14)"),
        new(Names.TrustedAccounts, SettingUse.Optional, "comma-separated account ids that are not external"),
        new(Names.KeyRotationDays, SettingUse.Optional, "days after which an active access key should have been rotated (default 90)"),
        new(Names.RootWindowDays, SettingUse.Optional, "days before an audit in which root use only the credential report shows is reported (default 90)"),
        new(Names.RoleAllowCallers, SettingUse.Optional, "role-assumption callers never reported (comma-separated; trailing * = prefix)"),
        new(Names.RoleAllowRoles, SettingUse.Optional, "roles whose assumptions are never reported (comma-separated; trailing * = prefix)"),
        new(Names.RoleAllowNetworks, SettingUse.Optional, "CIDRs counted as known networks for every role (comma-separated)"),
        new(Names.PublicBuckets, SettingUse.Optional, "comma-separated buckets meant to be public (trailing * = prefix); anonymous access to others is reported"),
        new(Names.TamperingAllowPrincipals, SettingUse.Optional, "principals whose logging, trust and credential changes are never reported (comma-separated; trailing * = prefix)"),
        new(Names.StateRetentionDays, SettingUse.Optional, "days a sighting is kept after it was last seen (default 400)"),
        new(Names.SafetyMarginMs, SettingUse.Optional, "stop taking messages this long before the deadline (default 10000)"),
        new(Names.MetricsNamespace, SettingUse.Optional, "CloudWatch namespace of the EMF metrics (default Monitor)"),
        new(Names.ReportBucket, SettingUse.Optional, "bucket the least-privilege report is written to (required by that function)"),
        new(Names.S3Endpoint, SettingUse.Override, "S3 endpoint for tests (path-style)"),
        new(Names.DynamoDbEndpoint, SettingUse.Override, "DynamoDB endpoint for tests"),
        new(Names.SqsEndpoint, SettingUse.Override, "SQS endpoint for tests"),
        new(Names.IamEndpoint, SettingUse.Override, "IAM Query API endpoint for tests"),
    ];

    public required string Handler { get; init; }

    public required string Region { get; init; }

    public string FunctionName { get; init; } = "local";

    public required string StateTable { get; init; }

    public required Uri AlertQueueUrl { get; init; }

    public required DetectionOptions Detection { get; init; }

    public TimeSpan StateRetention { get; init; } = TimeSpan.FromDays(400);

    public TimeSpan SafetyMargin { get; init; } = TimeSpan.FromSeconds(10);

    public string MetricsNamespace { get; init; } = "Monitor";

    /// <summary>Bucket of the least-privilege reports; only the report function needs it.</summary>
    public string? ReportBucket { get; init; }

    public Uri? S3Endpoint { get; init; }

    public Uri? DynamoDbEndpoint { get; init; }

    public Uri? SqsEndpoint { get; init; }

    public Uri? IamEndpoint { get; init; }

    public static Settings Load(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var reader = new SettingsReader(environment);
        return new Settings
        {
            Handler = reader.Required(Names.Handler),
            Region = reader.Required(Names.Region),
            FunctionName = reader.Optional(Names.FunctionName) ?? "local",
            StateTable = reader.Required(Names.StateTable),
            AlertQueueUrl = reader.Url(Names.AlertQueueUrl) ?? throw new SettingsException(Names.AlertQueueUrl, "is not set"),
            Detection = new DetectionOptions
            {
                Credentials = new CredentialOptions
                {
                    UnusedAfter = TimeSpan.FromDays(reader.Integer(Names.UnusedAfterDays, 90, 1, 3650)),
                    KeyRotationAfter = TimeSpan.FromDays(reader.Integer(Names.KeyRotationDays, 90, 1, 3650)),
                    RootWindow = TimeSpan.FromDays(reader.Integer(Names.RootWindowDays, 90, 1, 3650)),
                },
                Roles = new RoleOptions
                {
                    LearningPeriod = TimeSpan.FromDays(reader.Integer(Names.LearningPeriodDays, 14, 0, 3650)),
                    TrustedAccounts = reader.AccountIds(Names.TrustedAccounts),
                    AllowList = new RoleAllowList
                    {
                        Callers = reader.List(Names.RoleAllowCallers),
                        Roles = reader.List(Names.RoleAllowRoles),
                        Networks = reader.Cidrs(Names.RoleAllowNetworks),
                    },
                },
                PublicBuckets = new PublicBucketOptions { PublicBuckets = reader.BucketList(Names.PublicBuckets) },
                Tampering = new TamperingOptions
                {
                    TrustedAccounts = reader.AccountIds(Names.TrustedAccounts),
                    AllowedPrincipals = reader.List(Names.TamperingAllowPrincipals),
                },
            },
            StateRetention = TimeSpan.FromDays(reader.Integer(Names.StateRetentionDays, 400, 1, 36500)),
            SafetyMargin = TimeSpan.FromMilliseconds(reader.Integer(Names.SafetyMarginMs, 10_000, 0, 900_000)),
            MetricsNamespace = reader.Optional(Names.MetricsNamespace) ?? "Monitor",
            ReportBucket = reader.Optional(Names.ReportBucket),
            S3Endpoint = reader.Url(Names.S3Endpoint),
            DynamoDbEndpoint = reader.Url(Names.DynamoDbEndpoint),
            SqsEndpoint = reader.Url(Names.SqsEndpoint),
            IamEndpoint = reader.Url(Names.IamEndpoint),
        };
    }

    /// <summary>The process environment as a dictionary (the only place the bootstrap reads it).</summary>
    public static IReadOnlyDictionary<string, string> ProcessEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string ?? "";
        }

        return result;
    }

    private sealed class SettingsReader(IReadOnlyDictionary<string, string> environment)
    {
        public string? Optional(string name) =>
            environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        public string Required(string name) => Optional(name) ?? throw new SettingsException(name, "is not set");

        public int Integer(string name, int fallback, int min, int max)
        {
            var raw = Optional(name);
            if (raw is null)
            {
                return fallback;
            }

            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw new SettingsException(name, $"must be a whole number from {min} to {max}");
        }

        public Uri? Url(string name)
        {
            var raw = Optional(name);
            return raw is null ? null
                : Uri.TryCreate(raw, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url
                : throw new SettingsException(name, "must be an absolute http(s) URL");
        }

        public string[] List(string name) =>
            (Optional(name) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public string[] Cidrs(string name)
        {
            var cidrs = List(name);
            return cidrs.All(c => Cidr.TryParse(c, out _)) ? cidrs : throw new SettingsException(name, "must be a comma-separated list of CIDRs such as 203.0.113.0/24");
        }

        public PublicBucketList BucketList(string name)
        {
            var list = PublicBucketList.Parse(Optional(name));
            return list.Entries.All(IsBucketPattern)
                ? list
                : throw new SettingsException(name, "must be a comma-separated list of bucket names (a trailing * matches a prefix)");
        }

        // S3 bucket names: lower-case letters, digits, dots and hyphens; '*' only as a trailing prefix marker.
        private static bool IsBucketPattern(string entry)
        {
            var name = entry.EndsWith('*') ? entry[..^1] : entry;
            return name.Length > 0 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-');
        }

        public HashSet<string> AccountIds(string name)
        {
            var ids = (Optional(name) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return ids.All(id => id.Length == 12 && id.All(char.IsAsciiDigit))
                ? ids.ToHashSet(StringComparer.Ordinal)
                : throw new SettingsException(name, "must be a comma-separated list of 12-digit account ids");
        }
    }
}
