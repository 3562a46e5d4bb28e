using System.Net;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.S3;
using Monitor.Aws.State;
using Monitor.Detection;
using Monitor.Lambda.Tests.Runtime;
using Monitor.LeastPrivilege;
using Monitor.LeastPrivilege.Mapping;
using Monitor.Pipeline;
using Monitor.Sinks;
using Monitor.State;
using Monitor.Testing;
using Monitor.Testing.Emulators;
using Monitor.Testing.Fakes;

namespace Monitor.Lambda.Tests.EndToEnd;

/// <summary>
/// The real AOT bootstrap as the scheduled least-privilege report: signed IAM Query API (a loopback fake), usage
/// from the DynamoDB state table (dynalite), the three report files put to the report bucket (s3rver).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class LeastPrivilegeReportEndToEndTests(LocalEmulators emulators) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly AmazonDynamoDBClient _dynamo = EndToEndStack.DynamoDb(emulators);
    private readonly AmazonS3Client _s3 = EndToEndStack.S3(emulators);
    private string _table = "";
    private readonly string _bucket = "reports-" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync()
    {
        _table = await EndToEndStack.CreateTableAsync(_dynamo, "report");

        await _s3.PutBucketAsync(_bucket);
    }

    public Task DisposeAsync()
    {
        _dynamo.Dispose();
        _s3.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ScheduledReport_JoinsGrantedWithStoredUsage_AndWritesThreeFilesUnderTheDay()
    {
        var store = new DynamoStateStore(_dynamo, _table, TimeSpan.FromDays(400));
        await new Ingestor(NoObjects.Instance, store, [new UsageRecorder(ActionMapper.Embedded)], NullFindingSink.Instance, TimeProvider.System)
            .ProcessActivitiesAsync("usage", [Some.Call("s3.amazonaws.com", "GetObject", """{"bucketName":"b","key":"k"}""")], CancellationToken.None);
        var document = Uri.EscapeDataString("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["s3:GetObject","s3:DeleteObject"],"Resource":"*"}}""");
        await using var iam = new FakeIamEndpoint();
        iam.Then(HttpStatusCode.OK, $"""<GetAccountAuthorizationDetailsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetAccountAuthorizationDetailsResult><IsTruncated>false</IsTruncated><UserDetailList/><GroupDetailList/><RoleDetailList><member><RoleName>app</RoleName><Arn>{Some.AppRole}</Arn><RolePolicyList><member><PolicyName>app</PolicyName><PolicyDocument>{document}</PolicyDocument></member></RolePolicyList><AttachedManagedPolicies/></member></RoleDetailList><Policies/></GetAccountAuthorizationDetailsResult></GetAccountAuthorizationDetailsResponse>""");
        await using var api = new RuntimeApiEmulator();
        using var bootstrap = Start(api, iam.Url);
        const string Schedule = """{"version":"0","id":"e1","detail-type":"Scheduled Event","source":"aws.events","time":"2026-11-15T06:00:00Z","detail":{}}""";

        var response = await api.InvokeAsync(Schedule, DateTimeOffset.UtcNow.AddMinutes(2)).WaitAsync(Wait);

        response.IsError.ShouldBeFalse(response.Body);
        JsonDocument.Parse(response.Body).RootElement.GetProperty("location").GetString().ShouldBe($"s3://{_bucket}/reports/2026/11/15/");
        var listed = await _s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = _bucket });
        listed.S3Objects.Select(o => o.Key).ShouldBe(["reports/2026/11/15/report.html", "reports/2026/11/15/report.json", "reports/2026/11/15/report.md"], ignoreOrder: true);
        using var json = await _s3.GetObjectAsync(_bucket, "reports/2026/11/15/report.json");
        var report = await new StreamReader(json.ResponseStream).ReadToEndAsync();
        report.ShouldContain(Some.AppRole);
        report.ShouldContain("s3:DeleteObject");
        iam.Requests.ShouldHaveSingleItem().Headers["Authorization"].ShouldContain("/us-east-1/iam/aws4_request");
    }

    private BootstrapProcess Start(RuntimeApiEmulator api, Uri iam)
    {
        var environment = EndToEndStack.Environment(api.Address, "least-privilege-report", _table, emulators);
        environment[Settings.Names.ReportBucket] = _bucket;
        environment[Settings.Names.IamEndpoint] = iam.ToString();
        return new BootstrapProcess(BootstrapArtifact.Path, environment);
    }
}
