namespace Monitor.Fuzz.Tests;

/// <summary>
/// The fuzz targets run without AFL, so that a crash reproducer committed to a corpus fails the ordinary test run, and
/// a few thousand seeded mutations per target guard the readers between fuzzing runs.
/// </summary>
public sealed class FuzzTargetTests
{
    private const int Mutations = 3_000;

    public static TheoryData<string, string> CorpusFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in FuzzTargets.All.Keys)
        {
            foreach (var file in Corpus.Files(target))
            {
                data.Add(target, Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void RunsWithoutCrashing_WhenGivenACorpusFile(string target, string file)
    {
        var input = File.ReadAllBytes(Path.Combine(Corpus.Folder(target), file));

        FuzzTargets.All[target](input);
    }

    [Theory]
    [InlineData("cloudtrail", 1)]
    [InlineData("envelope", 2)]
    [InlineData("access-log", 3)]
    public void RunsWithoutCrashing_WhenGivenSeededMutationsOfTheCorpus(string target, int seed)
    {
        var mutator = new Mutator([.. Corpus.Files(target).Select(File.ReadAllBytes)], Corpus.Dictionary(target), seed);
        var run = FuzzTargets.All[target];

        for (var i = 0; i < Mutations; i++)
        {
            var input = mutator.Next();
            try
            {
                run(input);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"mutation {i} crashed the {target} target; input (base64): {Convert.ToBase64String(input)}", e);
            }
        }
    }

    [Fact]
    public void HasACorpusAndADictionary_ForEveryTarget()
    {
        foreach (var target in FuzzTargets.All.Keys)
        {
            Corpus.Files(target).ShouldNotBeEmpty(target);
            Corpus.Dictionary(target).ShouldNotBeEmpty(target);
        }
    }
}
