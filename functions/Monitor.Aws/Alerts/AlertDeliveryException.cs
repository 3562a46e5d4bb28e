namespace Monitor.Aws.Alerts;

/// <summary>Some findings could not be put on the alert queue; the message fails so its batch is retried.</summary>
public sealed class AlertDeliveryException(string message) : Exception(message);
