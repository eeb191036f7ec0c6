"""Templates, theme overrides, assets and the starter project of a story: shipped in the package as
`generators.site_src`, so an installed tool has everything a build needs."""
