-- Workload labels filled from a file name's digits were stored with its padding
-- (firecracker-nsdi2020's net-fc-rx-01.json became "iperf3 host to guest P=01"). Templates now
-- write such numbers unpadded (lib/ingest/manifest/pattern.ts fillTemplate); this renames what
-- earlier imports stored, where the unpadded name is not taken, so links and labels agree.
UPDATE `workloads`
SET `name` = replace(`name`, ' P=0', ' P=')
WHERE `name` GLOB '* P=0[0-9]*'
  AND NOT EXISTS (
    SELECT 1 FROM `workloads` AS `w`
    WHERE `w`.`tool` = `workloads`.`tool` AND `w`.`name` = replace(`workloads`.`name`, ' P=0', ' P=')
  );
