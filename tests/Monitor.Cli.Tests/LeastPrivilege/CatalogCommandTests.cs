using Monitor.Cli.LeastPrivilege;
using Monitor.LeastPrivilege.Catalog;

namespace Monitor.Cli.Tests.LeastPrivilege;

/// <summary><c>monitor catalog refresh</c> against a local copy of the service reference's shape.</summary>
public sealed class CatalogCommandTests
{
    private static string Fixture => Path.Combine(RepositoryPaths.Root, "tests", "Monitor.Cli.Tests", "LeastPrivilege", "ServiceReference");

    [Fact]
    public async Task Refresh_RebuildsTheCatalogShape_FromServiceReferenceFiles()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("monitor-catalog-").FullName, "catalog.json");
        using var console = new StringWriter();
        using var errors = new StringWriter();

        var exit = await CatalogCommand.RefreshAsync(Fixture, output, console, errors, TestContext.Current);

        exit.ShouldBe(0, errors.ToString());
        console.ToString().ShouldContain("2 services, 6 actions");
        await using var stream = File.OpenRead(output);
        var catalog = IamCatalogReader.Read(stream);
        catalog.Find("s3:getobject")!.Level.ShouldBe(AccessLevel.Read);
        catalog.Find("s3:ListAllMyBuckets")!.Level.ShouldBe(AccessLevel.List);
        catalog.Find("s3:ListAllMyBuckets")!.SupportsResourceScoping.ShouldBeFalse();
        catalog.Find("s3:PutBucketPolicy")!.Level.ShouldBe(AccessLevel.PermissionsManagement);
        catalog.Find("s3:PutBucketTagging")!.Level.ShouldBe(AccessLevel.Tagging);
        catalog.Find("iam:CreateUser")!.Level.ShouldBe(AccessLevel.Write);
        catalog.Find("iam:PutRolePolicy")!.ResourceTypes.ShouldBe([new ResourceTypeRef("role", false)]);
        catalog.ArnTemplate("s3", "object").ShouldBe("arn:${Partition}:s3:::${BucketName}/${ObjectName}");
    }

    [Fact]
    public async Task Refresh_FromAMissingSource_FailsWithAClearMessage()
    {
        using var console = new StringWriter();
        using var errors = new StringWriter();

        var exit = await CatalogCommand.RefreshAsync(Path.Combine(Fixture, "nope"), Path.Combine(Path.GetTempPath(), "never.json"), console, errors, TestContext.Current);

        exit.ShouldBe(1);
        errors.ToString().ShouldContain("error: catalog refresh from");
    }

    [Fact]
    public async Task Policy_UsesARefreshedCatalog_WhenGivenOne()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("monitor-catalog-").FullName, "catalog.json");
        (await CatalogCommand.RefreshAsync(Fixture, output, TextWriter.Null, TextWriter.Null, TestContext.Current)).ShouldBe(0);
        using var console = new StringWriter();

        var exit = await PolicyCommand.ExecuteAsync([Path.Combine(RepositoryPaths.Events, "least-privilege")], Path.Combine(RepositoryPaths.Events, "objects"), "arn:aws:iam::444455556666:user/legacy-admin", PolicyFormat.Text, false, console, TextWriter.Null, TestContext.Current, output);

        exit.ShouldBe(0);
        console.ToString().ShouldContain("s3:ListAllMyBuckets");
        console.ToString().ShouldContain("unmapped: iam.amazonaws.com GetUser x1", Case.Sensitive, "the small catalog has no iam:GetUser");
    }
}
