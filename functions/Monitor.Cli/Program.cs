using System.CommandLine;
using Monitor.Cli.Commands;

var root = new RootCommand("monitor: AWS IAM activity monitor. Replays CloudTrail logs and notifications through the detection pipeline.");
root.Subcommands.Add(ReplayCommand.Create());
root.Subcommands.Add(AuditCommand.Create());
Monitor.Cli.LeastPrivilege.LeastPrivilegeCommands.All().ToList().ForEach(root.Subcommands.Add);
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
