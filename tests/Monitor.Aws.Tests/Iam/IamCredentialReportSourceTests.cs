using System.Net;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using Monitor.Aws.Iam;
using Monitor.Records.CredentialReports;
using Monitor.Testing.Fakes;

namespace Monitor.Aws.Tests.Iam;

public sealed class IamCredentialReportSourceTests : IAsyncDisposable
{
    private const string Csv = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n"
        + "<root_account>,arn:aws:iam::111122223333:root,2020-01-01T00:00:00+00:00,not_supported,2025-05-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";

    private readonly FakeIamEndpoint _iam = new();

    public ValueTask DisposeAsync() => _iam.DisposeAsync();

    [Fact]
    public async Task Requests_AreSignedQueryApiCalls_ForIamInUsEast1()
    {
        _iam.ThenGenerate("COMPLETE").ThenReport(Csv);

        await Source().FetchAsync(CancellationToken.None);

        _iam.Requests.Count.ShouldBe(2);
        _iam.Requests.ShouldAllBe(r => r.Method == "POST");
        _iam.Requests[0].Body.ShouldBe("Action=GenerateCredentialReport&Version=2010-05-08");
        _iam.Requests[1].Body.ShouldBe("Action=GetCredentialReport&Version=2010-05-08");
        foreach (var request in _iam.Requests)
        {
            var authorization = request.Headers["Authorization"];
            authorization.ShouldStartWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/");
            authorization.ShouldContain("/us-east-1/iam/aws4_request");
            authorization.ShouldContain("SignedHeaders=");
            authorization.ShouldContain("x-amz-date");
            request.Headers.ContainsKey("X-Amz-Date").ShouldBeTrue();
            request.Headers["Content-Type"].ShouldStartWith("application/x-www-form-urlencoded");
        }
    }

    [Fact]
    public async Task Report_IsDecoded_WithItsGenerationTime()
    {
        _iam.ThenGenerate("COMPLETE").ThenReport(Csv, "2025-06-01T12:00:00Z");

        var report = await Source().FetchAsync(CancellationToken.None);

        report.IsRejected.ShouldBeFalse();
        report.Source.ShouldBe("iam:GetCredentialReport");
        report.GeneratedAt.ShouldBe(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        report.Rows.Single().IsRoot.ShouldBeTrue();
    }

    [Fact]
    public async Task Generation_IsAwaited_WhileStartedOrInProgress()
    {
        _iam.ThenGenerate("STARTED").ThenGenerate("INPROGRESS").ThenGenerate("COMPLETE").ThenReport(Csv);
        var source = Source();

        var report = await source.FetchAsync(CancellationToken.None);

        report.Rows.Count.ShouldBe(1);
        source.Waits.ShouldBe(2);
    }

    [Theory]
    [InlineData("ReportInProgress")]
    [InlineData("ReportNotPresent")]
    [InlineData("ReportExpired")]
    public async Task NotReadyErrors_AreRetried(string code)
    {
        _iam.ThenGenerate("COMPLETE").ThenError(HttpStatusCode.Gone, code).ThenGenerate("COMPLETE").ThenReport(Csv);
        var source = Source();

        (await source.FetchAsync(CancellationToken.None)).Rows.Count.ShouldBe(1);
        source.Waits.ShouldBe(1);
        _iam.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task GivesUp_AfterMaxAttempts_NamingTheState()
    {
        _iam.ThenGenerate("STARTED").ThenGenerate("INPROGRESS").ThenGenerate("INPROGRESS");

        var error = await Should.ThrowAsync<IamRequestException>(() => Source(maxAttempts: 3).FetchAsync(CancellationToken.None));

        error.Code.ShouldBe("ReportInProgress");
        error.Message.ShouldContain("INPROGRESS after 3 attempts");
    }

    [Fact]
    public async Task AccessDenied_FailsAtOnce_WithTheIamErrorCode()
    {
        _iam.ThenError(HttpStatusCode.Forbidden, "AccessDenied");

        var error = await Should.ThrowAsync<IamRequestException>(() => Source().FetchAsync(CancellationToken.None));

        error.Code.ShouldBe("AccessDenied");
        error.Action.ShouldBe("GenerateCredentialReport");
        _iam.Requests.Count.ShouldBe(1);
    }

    private IamCredentialReportSource Source(int maxAttempts = 5)
    {
        var http = IamQueryClient.CreateSignedHttpClient(new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
        var options = new IamQueryOptions { Endpoint = _iam.Url, MaxAttempts = maxAttempts, RetryDelay = TimeSpan.Zero };
        return new IamCredentialReportSource(new IamQueryClient(http, options), new FakeTimeProvider());
    }
}
