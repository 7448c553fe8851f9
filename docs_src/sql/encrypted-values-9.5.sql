-- Values GLPI 9.5 encrypts with glpicrypt.key: table or config, row, stored value.
SELECT 'glpi_configs' AS source, name AS item, value FROM glpi_configs
 WHERE context = 'core' AND value <> ''
   AND name IN ('glpinetwork_registration_key', 'proxy_passwd', 'smtp_passwd')
UNION ALL
SELECT 'glpi_authldaps.rootdn_passwd', id, rootdn_passwd FROM glpi_authldaps WHERE rootdn_passwd <> ''
UNION ALL
SELECT 'glpi_mailcollectors.passwd', id, passwd FROM glpi_mailcollectors WHERE passwd <> ''
ORDER BY 1, 2;
