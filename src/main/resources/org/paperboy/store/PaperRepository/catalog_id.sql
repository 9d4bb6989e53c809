SELECT id FROM catalog_identity WHERE name = 'catalog'
