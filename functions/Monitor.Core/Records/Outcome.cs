namespace Monitor.Records;

/// <summary>How a request ended. Denied calls are kept apart from other failures: they prove a missing grant.</summary>
public enum Outcome
{
    Success,
    Failure,
    Denied,
}
