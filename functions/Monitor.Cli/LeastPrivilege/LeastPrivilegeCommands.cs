using System.CommandLine;

namespace Monitor.Cli.LeastPrivilege;

/// <summary>The least-privilege commands: <c>policy</c>, <c>report</c>, <c>catalog refresh</c>.</summary>
internal static class LeastPrivilegeCommands
{
    public static IEnumerable<Command> All() => [PolicyCommand.Create(), ReportCommand.Create(), CatalogCommand.Create()];
}
