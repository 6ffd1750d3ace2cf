namespace Platform.Application.Webhooks;

/// <summary>Whether deliveries leave the process.</summary>
public enum WebhookDeliveryMode
{
    /// <summary>Send each message to its endpoint.</summary>
    Real,

    /// <summary>Record each attempt as a delivery and send nothing: for environments without egress.</summary>
    Simulated,
}
