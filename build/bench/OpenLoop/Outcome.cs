namespace OpenLoop;

/// <summary>One request: latency from its due time, how late it was handed to the client, and its status (0: no response).</summary>
internal readonly record struct Outcome(long LatencyTicks, long SendLagTicks, int Status);
