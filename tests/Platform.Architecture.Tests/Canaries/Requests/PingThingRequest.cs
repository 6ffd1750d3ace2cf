using MediatR;

namespace Platform.Architecture.Tests.Canaries.Requests.Things.Requests.PingThing;

// Bad: neither a command nor a query.
public sealed record PingThingRequest : IRequest<int>;
