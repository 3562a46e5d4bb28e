using System.Text;
using Monitor.LeastPrivilege;
using Monitor.LeastPrivilege.Catalog;
using Monitor.LeastPrivilege.Granted;
using Monitor.LeastPrivilege.Mapping;
using Monitor.LeastPrivilege.Reporting;
using Monitor.Testing;

namespace Monitor.Core.Tests.LeastPrivilege.Granted;

public sealed class GrantedVersusUsedTests
{
    private static IReadOnlyList<GrantedPrincipal> Details(string json) => AuthorizationDetailsReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static string Role(string policy) => $$"""
        {"RoleDetailList":[{"RoleName":"app","Arn":"{{Some.AppRole}}","RolePolicyList":[{"PolicyName":"p","PolicyDocument":{{policy}}}],"AttachedManagedPolicies":[]}]}
        """;

    private static PrincipalReport Report(string policy, params Monitor.Records.Activity[] activities)
    {
        var usage = new UsageAggregator(ActionMapper.Embedded);
        foreach (var activity in activities)
        {
            usage.Observe(activity);
        }

        return new ReportBuilder(IamCatalog.Embedded).Build(usage, Details(Role(policy)), null).Principals.Single();
    }

    [Fact]
    public void Read_ResolvesGroupsAndManagedDefaultVersions()
    {
        var principals = AuthorizationDetailsReader.Read(File.OpenRead(Path.Combine(RepositoryFolders.Root, "events", "least-privilege", "authorization-details.json")));

        var admin = principals.Single(p => p.Name == "legacy-admin");
        admin.Kind.ShouldBe("user");
        admin.Policies.Select(p => p.Source).ShouldBe(["inline", "group admins managed", "group admins managed"]);
        var ci = principals.Single(p => p.Name == "ci-deployer");
        ci.Policies.Single().Statements.SelectMany(s => s.Actions).ShouldNotContain("*", "the default version, not v0");
    }

    [Fact]
    public void Read_DecodesUrlEncodedDocuments_AsTheQueryApiReturnsThem()
    {
        var encoded = Uri.EscapeDataString("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""");

        var principal = Details(Role($"\"{encoded}\"")).Single();

        principal.Policies.Single().Statements.Single().Actions.ShouldBe(["s3:GetObject"]);
    }

    [Fact]
    public void Expand_AppliesWildcards_NotAction_AndUnconditionalDenies()
    {
        var principal = Details(Role("""
            {"Statement":[{"Effect":"Allow","Action":["sqs:*","iam:Get*"],"Resource":"*"},
              {"Effect":"Allow","NotAction":"*:*","Resource":"*"},
              {"Effect":"Deny","Action":"sqs:Delete*","Resource":"*"},
              {"Effect":"Deny","Action":"iam:GetRole","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}]}
            """)).Single();

        var granted = new GrantExpander(IamCatalog.Embedded).Granted(principal).Keys.ToHashSet();

        granted.ShouldContain("sqs:SendMessage");
        granted.ShouldNotContain("sqs:DeleteQueue");
        granted.ShouldNotContain("sqs:DeleteMessage");
        granted.ShouldContain("iam:GetRole");
        granted.ShouldAllBe(k => k.StartsWith("sqs:") || k.StartsWith("iam:Get"));
    }

    [Fact]
    public void Report_ListsUnusedByAccessLevel_PermissionsManagementAndWriteFirst()
    {
        var report = Report(
            """{"Statement":{"Effect":"Allow","Action":["iam:GetRole","iam:PutRolePolicy","iam:CreateRole","iam:TagRole","iam:ListRoles"],"Resource":"*"}}""",
            Some.Call("iam.amazonaws.com", "GetRole", """{"roleName":"x"}"""));

        report.Granted.ShouldBe(5);
        report.Used.ShouldBe(["iam:GetRole"]);
        report.Unused.Select(u => (u.Level, string.Join(',', u.Actions))).ShouldBe([
            (AccessLevel.PermissionsManagement, "iam:PutRolePolicy"),
            (AccessLevel.Write, "iam:CreateRole"),
            (AccessLevel.Tagging, "iam:TagRole"),
            (AccessLevel.List, "iam:ListRoles"),
        ]);
    }

    [Fact]
    public void Report_MarksUnobservableActionsUsageUnknown_NeverUnused()
    {
        var report = Report(
            """{"Statement":{"Effect":"Allow","Action":["iam:PassRole","s3:GetObject","dynamodb:GetItem","sts:GetCallerIdentity","s3:PutBucketPolicy"],"Resource":"*"}}""",
            Some.Call("iam.amazonaws.com", "ListRoles", outcome: Monitor.Records.Outcome.Denied));

        report.UsageUnknown.ShouldBe(["dynamodb:GetItem", "iam:PassRole", "s3:GetObject"]);
        report.Unused.SelectMany(u => u.Actions).ShouldBe(["s3:PutBucketPolicy"], "GetCallerIdentity needs no grant, so it is never unused");
    }

    [Fact]
    public void Report_DataEventsInTheInput_MakeDataActionsObservable()
    {
        var report = Report(
            """{"Statement":{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"*"}}""",
            Some.AccessLogRequest("GetObject", "arn:aws:s3:::b/k", Some.AssumedRolePrincipal("app")));

        report.Used.ShouldBe(["s3:GetObject"]);
        report.Unused.Single().Actions.ShouldBe(["s3:PutObject"]);
        report.UsageUnknown.ShouldBeEmpty();
    }

    [Fact]
    public void Report_UnusedServices_AreServicesWithNoUsedAction()
    {
        var report = Report(
            """{"Statement":{"Effect":"Allow","Action":["iam:GetRole","iam:GetUser","cloudtrail:StopLogging"],"Resource":"*"}}""",
            Some.Call("iam.amazonaws.com", "GetRole", """{"roleName":"x"}"""));

        report.UnusedServices.ShouldBe(["cloudtrail"]);
    }

    [Fact]
    public void Report_UsedButNotGranted_IsShownApart()
    {
        var report = Report(
            """{"Statement":{"Effect":"Allow","Action":"iam:GetRole","Resource":"*"}}""",
            Some.Call("sts.amazonaws.com", "AssumeRole", """{"roleArn":"arn:aws:iam::123456789012:role/x"}"""));

        report.UsedNotGranted.ShouldBe(["sts:AssumeRole"]);
    }
}
