using Monitor.Cli.Replay;

namespace Monitor.Cli.Tests.Replay;

public sealed class InputWalkerTests
{
    [Fact]
    public void Folder_PassesOverToolSourcesDocumentationAndGoldens()
    {
        var folder = Directory.CreateTempSubdirectory("monitor-walk-").FullName;
        try
        {
            var tools = Directory.CreateDirectory(Path.Combine(folder, "tools", "SampleGenerator")).FullName;
            foreach (var name in new[] { "Program.cs", "SampleGenerator.csproj", "generate.py", "README.md" })
            {
                File.WriteAllText(Path.Combine(tools, name), "not an input");
            }

            File.WriteAllText(Path.Combine(folder, "01-sample.json"), "{}");
            File.WriteAllText(Path.Combine(folder, "01-sample.expected.jsonl"), "");
            var errors = new List<string>();

            var inputs = InputWalker.Expand([folder], Path.Combine(folder, "objects"), errors).ToList();

            inputs.Select(Path.GetFileName).ShouldBe(["01-sample.json"]);
            errors.ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
