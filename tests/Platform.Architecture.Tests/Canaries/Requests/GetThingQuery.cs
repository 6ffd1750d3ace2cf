using Platform.Application.Common.Messaging;

namespace Platform.Architecture.Tests.Canaries.Requests.Things.Queries.GetThing;

// Good.
public sealed record GetThingQuery(int Id) : IQuery<int>;
