namespace Monitor.Detection.Roles;

/// <summary>One reason an assumption or session looks wrong, with its weight in the score and a fact for the evidence.</summary>
internal sealed record RoleSignal(string Name, int Weight, string Fact);
