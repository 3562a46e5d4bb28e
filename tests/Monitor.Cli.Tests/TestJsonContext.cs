using System.Text.Json.Serialization;

namespace Monitor.Cli.Tests;

[JsonSerializable(typeof(string))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
