namespace Monitor.Lambda;

/// <summary>A setting is missing or invalid. Reported as the init error <c>Runtime.ConfigInvalid</c>, naming the variable.</summary>
public sealed class SettingsException(string variable, string problem) : Exception($"{variable}: {problem}")
{
    public string Variable { get; } = variable;
}
