// What ships as an image (showroom/<name> in ECR, ECS service <name> in cluster showroom-<env>): the
// Express services analytics, inventory, users, leads and retail (digital retailing), and the storefront
// (dealer websites, Angular SSR), each only if its project exists in the checked-out commit. Deployed in this order:
// analytics first, so the producers' new revisions post their events to an analytics that knows them; the
// storefront last, after the APIs its pages call.
//   List services = showroomServices()
List call() {
  List services = []
  List shipped = [
    ['analytics', 'services/analytics'],
    ['inventory', 'services/inventory'],
    ['users', 'services/users'],
    ['leads', 'services/leads'],
    ['retail', 'services/retail'],
    ['storefront', 'apps/storefront'],
  ]
  for (List project in shipped) {
    String name = project[0]
    if (fileExists("${project[1]}/project.json")) {
      services << name
    } else {
      echo "${project[1]} is not in this commit: no image, no deploy for ${name}"
    }
  }
  if (services.isEmpty()) {
    error 'No service to ship'
  }
  return services
}
