using System.Text.Json.Serialization;

namespace Monitor.Lambda.Runtime;

/// <summary>
/// The error document Lambda expects on <c>/error</c> and <c>/init/error</c>
/// (<c>application/vnd.aws.lambda.error+json</c>). <see cref="ErrorType"/> follows the docs' <c>Category.Reason</c> style.
/// </summary>
public sealed class LambdaError
{
    public string ErrorMessage { get; set; } = "";

    public string ErrorType { get; set; } = "";

    public List<string> StackTrace { get; set; } = [];

    public static LambdaError From(string errorType, string message) => new() { ErrorType = errorType, ErrorMessage = message };

    /// <summary>An unhandled exception: its type name as the error type and a short stack, without inner messages (which may echo input).</summary>
    public static LambdaError From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new()
        {
            ErrorType = exception.GetType().Name,
            ErrorMessage = exception.Message,
            StackTrace = (exception.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(20).ToList(),
        };
    }
}

/// <summary>Source-generated metadata for the runtime's own documents.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LambdaError))]
public sealed partial class RuntimeJsonContext : JsonSerializerContext;
