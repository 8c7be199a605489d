// The Express services that ship as images (showroom/<service> in ECR, showroom-<env>-<service> in
// ECS): those of inventory, users and leads that exist in the checked-out commit.
//   List services = showroomServices()
List call() {
  List services = []
  for (String name in ['inventory', 'users', 'leads']) {
    if (fileExists("services/${name}/project.json")) {
      services << name
    } else {
      echo "services/${name} is not in this commit: no image, no deploy for it"
    }
  }
  if (services.isEmpty()) {
    error 'No service to ship'
  }
  return services
}
