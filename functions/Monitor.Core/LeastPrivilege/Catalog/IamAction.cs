namespace Monitor.LeastPrivilege.Catalog;

/// <summary>An IAM action in catalog casing, e.g. <c>s3:GetObject</c>. Only <see cref="IamCatalog"/> creates them.</summary>
public readonly record struct IamAction(string Service, string Name)
{
    public override string ToString() => $"{Service}:{Name}";
}
