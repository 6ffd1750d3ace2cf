using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Status.Commands.RunDueMaintenances;

/// <summary>
/// Starts the maintenances whose start has come (their services go under maintenance, remembering the status each
/// had) and completes those whose end has come (each service goes back to the status it had, unless it no longer
/// shows under maintenance or another running maintenance still covers it). Sent by a Quartz job; each maintenance
/// moves exactly once, however many instances run it at the same moment (row locks, skip-locked). Returns how many
/// maintenances moved.
/// </summary>
[AllowAnonymousRequest]
public sealed record RunDueMaintenancesCommand(int BatchSize = 100) : ICommand<int>;
