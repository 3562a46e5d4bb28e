using Microsoft.Data.Sqlite;
using Monitor.Cli.State;
using Monitor.State;
using Monitor.Testing;

namespace Monitor.Cli.Tests.State;

public sealed class SqliteStateStorePersistenceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "monitor-tests", Guid.NewGuid().ToString("N"));

    private string StateFile => Path.Combine(_folder, "a", "b", "state.db");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Open_KeepsSightingsAndFindings_WhenTheFileIsReopened()
    {
        var sighting = Some.Sighting(attributes: new Dictionary<string, string> { ["ua"] = "aws-cli \"x\"" });
        var finding = Some.Finding();
        await using (var store = SqliteStateStore.Open(StateFile))
        {
            await store.MergeAsync([sighting], default);
            await store.PutVerdictsAsync([new SubjectVerdict("s1", [finding])], default);
        }

        await using var reopened = SqliteStateStore.Open(StateFile);

        (await reopened.GetAsync([sighting.Key], default))[sighting.Key].ShouldMatch(sighting);
        (await reopened.PutVerdictsAsync([new SubjectVerdict("s1", [finding])], default)).ToAnnounce.ShouldBeEmpty();
        (await reopened.ListFindingsAsync(default)).Single().ShouldMatch(finding);
    }

    [Fact]
    public async Task Open_CreatesParentFolders_AndUsesWal()
    {
        await using var store = SqliteStateStore.Open(StateFile);

        File.Exists(StateFile).ShouldBeTrue();
        Scalar("PRAGMA journal_mode;").ShouldBe("wal");
    }

    [Fact]
    public async Task Open_Throws_WhenTheSchemaIsNewer()
    {
        await using (SqliteStateStore.Open(StateFile))
        {
        }

        Scalar("UPDATE schema_version SET version = 99; SELECT version FROM schema_version;");

        var error = Should.Throw<InvalidDataException>(() => SqliteStateStore.Open(StateFile));
        error.Message.ShouldContain("schema version 99");
        error.Message.ShouldContain(StateFile);
    }

    [Fact]
    public async Task Open_IndexesTheFindingsOfAVersion2File_ByWhatTheyAreAbout()
    {
        var finding = Some.Finding();
        await using (var store = SqliteStateStore.Open(StateFile))
        {
            await store.PutVerdictsAsync([new SubjectVerdict("s1", [finding])], default);
        }

        // What a version 2 monitor left: no account or principal columns, no index.
        Scalar("""
            DROP INDEX findings_by_about;
            ALTER TABLE findings DROP COLUMN account;
            ALTER TABLE findings DROP COLUMN principal;
            UPDATE schema_version SET version = 2;
            """);

        await using var upgraded = SqliteStateStore.Open(StateFile);

        (await upgraded.ListFindingsAboutAsync(finding.Account, finding.Principal, 10, default)).ShouldHaveSingleItem().ShouldMatch(finding);
        Scalar("SELECT version FROM schema_version;").ShouldBe("3");
    }

    [Fact]
    public void Open_Throws_WhenTheFileIsNotADatabase()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StateFile)!);
        File.WriteAllText(StateFile, "this is not a SQLite file, just some text that is long enough to have a header");

        Should.Throw<InvalidDataException>(() => SqliteStateStore.Open(StateFile)).Message.ShouldContain("not a monitor state file");
    }

    [Fact]
    public async Task Open_GivesEachInMemoryStoreItsOwnData()
    {
        await using var first = SqliteStateStore.Open(SqliteStateStore.InMemory);
        await using var second = SqliteStateStore.Open(SqliteStateStore.InMemory);

        await first.MergeAsync([Some.Sighting()], default);

        (await second.GetAsync([Some.Sighting().Key], default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task MergeAsync_LosesNoUpdate_WhenTwoStoresShareAFile()
    {
        // Two CLI runs on one state file: each store has its own connection, so only SQLite's locking protects the key.
        await using var first = SqliteStateStore.Open(StateFile);
        await using var second = SqliteStateStore.Open(StateFile);
        var observations = Enumerable.Range(0, 40).Select(i => Some.Sighting(at: Some.StateEpoch.AddDays(i), attributes: new Dictionary<string, string> { [$"a{i}"] = "x" })).ToArray();

        await Task.WhenAll(
            Task.Run(async () => { foreach (var o in observations.Where((_, i) => i % 2 == 0)) { await first.MergeAsync([o], default); } }),
            Task.Run(async () => { foreach (var o in observations.Where((_, i) => i % 2 == 1)) { await second.MergeAsync([o], default); } }));

        (await first.GetAsync([observations[0].Key], default))[observations[0].Key].ShouldMatch(observations.Aggregate((a, b) => a.Merge(b)));
    }

    [Fact]
    public async Task MergeAsync_WritesManySightingsQuickly()
    {
        await using var store = SqliteStateStore.Open(StateFile);
        var sightings = Enumerable.Range(0, 5_000).Select(i => Some.Sighting(member: $"m{i}", at: Some.StateEpoch.AddSeconds(i))).ToArray();
        var started = TimeProvider.System.GetTimestamp();

        await store.MergeAsync(sightings, default);
        await store.MergeAsync(sightings, default);

        TimeProvider.System.GetElapsedTime(started).ShouldBeLessThan(TimeSpan.FromSeconds(10));
        (await store.ListAsync(Some.Sighting().Key.Scope, 10_000, default)).Count.ShouldBe(5_000);
    }

    private string? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={StateFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }
}
